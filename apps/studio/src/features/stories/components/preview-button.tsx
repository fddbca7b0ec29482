import { Anchor, Button, Popover, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../api/types';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { usePreviewLink } from '../hooks/use-revisions';

/**
 * Opens the version's draft preview (a signed link the API hands out) in a new tab. The preview shows the last
 * save, so it waits for unsaved changes to be saved. Where the browser blocks the tab, the link is shown instead.
 */
export function PreviewButton({
  storyId,
  language,
  unsaved,
}: {
  storyId: string;
  language: Language;
  unsaved: boolean;
}) {
  const { t } = useTranslation();
  const link = usePreviewLink(storyId);
  const [blocked, setBlocked] = useState<string | null>(null);
  const languageName = t(`languages.${language}`);
  const open = () => {
    setBlocked(null);
    link.mutate(language, {
      onSuccess: ({ path }) => {
        // On this gateway, which serves the studio: PUBLIC_BASE_URL may point at a cache in front of the site.
        const url = new URL(path, window.location.origin).href;
        const tab = window.open(url, '_blank');
        // The preview must not reach back into the studio; a blocked tab gets the link to click instead.
        if (tab) tab.opener = null;
        else setBlocked(url);
      },
    });
  };
  return (
    <Popover opened={blocked !== null || link.isError} onChange={() => setBlocked(null)} width={320} withArrow>
      <Popover.Target>
        <Tooltip
          label={unsaved ? t('preview.saveFirst') : t('preview.hint', { language: languageName })}
          multiline
          w={280}
        >
          <Button variant="default" onClick={open} disabled={unsaved} loading={link.isPending} data-testid="preview">
            {t('preview.open')}
          </Button>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        {link.error ? (
          <ApiErrorAlert error={link.error} />
        ) : (
          <Text size="sm">
            {t('preview.blocked')}{' '}
            <Anchor href={blocked ?? undefined} target="_blank" rel="noopener" data-testid="preview-link">
              {t('preview.link')}
            </Anchor>
          </Text>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
