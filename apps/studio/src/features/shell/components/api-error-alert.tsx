import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';

/**
 * An API failure in the person's language: what happened and what to do next, with the server's own words
 * underneath for the details (they are in English). `context` picks a more precise text where one exists.
 */
export function ApiErrorAlert({ error, context }: { error: unknown; context?: string }) {
  const { t, i18n } = useTranslation();
  const kind = error instanceof ApiError ? error.kind : 'network';
  const specific = context ? `errors.${context}.${kind}` : undefined;
  const text = specific && i18n.exists(specific) ? t(specific) : t(`errors.${kind}`);
  const detail = error instanceof ApiError && error.message ? error.message : undefined;
  return (
    <Alert color="red" role="alert" title={t('errors.title')}>
      {text}
      {detail && detail !== text && (
        <>
          <br />
          <small lang="en">{detail}</small>
        </>
      )}
    </Alert>
  );
}
