import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Story, Version } from '../../../api/types';
import { formatDateTime, localDateTimeToApi, pickerFormats } from '../../../lib/dates';
import { useCurrentUser } from '../../auth/hooks/use-session';
import { can, type Permission } from '../../auth/permissions';
import { PublishReach } from '../../media/components/publish-reach';
import { ApiErrorAlert } from '../../shell/components/api-error-alert';
import { useTransition, type WorkflowAction } from '../hooks/use-story';

/** Which actions a version's status allows (the articles service's workflow) and who may take them. */
const ACTIONS: { action: WorkflowAction; from: Version['status'][]; permission: Permission }[] = [
  { action: 'submit', from: ['draft'], permission: 'version.submit' },
  { action: 'return', from: ['in_review'], permission: 'version.return' },
  { action: 'publish', from: ['draft', 'in_review', 'scheduled', 'unpublished'], permission: 'version.publish' },
  { action: 'schedule', from: ['draft', 'in_review', 'scheduled', 'unpublished'], permission: 'version.publish' },
  { action: 'unpublish', from: ['published', 'scheduled'], permission: 'version.unpublish' },
];

/** The workflow steps this person may take on one language version, each confirmed with what will happen. */
export function WorkflowButtons({
  story,
  version,
  unsaved,
  onChanged,
}: {
  story: Story;
  version: Version;
  unsaved: boolean;
  /** The story after the step, so the form builds on its new revision. */
  onChanged: (story: Story) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'th' ? 'th' : 'en';
  const user = useCurrentUser();
  const transition = useTransition(story.id);
  const [pending, setPending] = useState<WorkflowAction | null>(null);
  const [at, setAt] = useState<string | null>(null);
  const offered = ACTIONS.filter((a) => a.from.includes(version.status) && can(user.role, a.permission));
  const language = t(`languages.${version.language}`);
  const formats = pickerFormats(lang, { previous: t('calendar.previous'), next: t('calendar.next') });

  const confirm = () => {
    if (!pending) return;
    transition.mutate(
      { story, language: version.language, action: pending, at: at ? localDateTimeToApi(at) : undefined },
      {
        onSuccess: (next) => {
          setPending(null);
          onChanged(next);
        },
      },
    );
  };

  return (
    <>
      <Group gap="xs" role="group" aria-label={t('workflow.group', { language })}>
        {offered.map(({ action }) => (
          <Button
            key={action}
            size="sm"
            variant={action === 'publish' ? 'filled' : 'default'}
            color={action === 'unpublish' ? 'red' : undefined}
            disabled={unsaved}
            data-action={action}
            onClick={() => {
              transition.reset();
              setAt(null);
              setPending(action);
            }}
          >
            {t(`workflow.${action}`)}
          </Button>
        ))}
        {unsaved && offered.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('workflow.saveFirst')}
          </Text>
        )}
        {version.scheduledAt && (
          <Text size="sm">{t('workflow.scheduledFor', { when: formatDateTime(version.scheduledAt, lang) })}</Text>
        )}
      </Group>
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        title={pending ? t(`workflow.${pending}`) : ''}
      >
        <Stack>
          {pending && (
            <Text>
              {t(`workflow.confirm.${pending}`, { language, path: `/${version.language}/news/${version.slug}` })}
            </Text>
          )}
          {(pending === 'publish' || pending === 'schedule') && (
            <PublishReach language={version.language} when={pending === 'publish' ? 'now' : 'later'} />
          )}
          {pending === 'schedule' && (
            <DateTimePicker
              label={t('workflow.when')}
              locale={lang}
              {...formats}
              valueFormat={`${formats.valueFormat} HH:mm`}
              minDate={new Date()}
              value={at}
              onChange={setAt}
            />
          )}
          {transition.error && <ApiErrorAlert error={transition.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              onClick={confirm}
              loading={transition.isPending}
              disabled={pending === 'schedule' && !at}
              data-confirm={pending ?? undefined}
            >
              {t('workflow.confirmButton')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
