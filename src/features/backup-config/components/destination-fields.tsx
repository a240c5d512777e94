import {
  Alert,
  Code,
  Fieldset,
  NativeSelect,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useController, type Control } from 'react-hook-form';
import { useMessages } from '../../../lib/i18n/messages';
import { useIssueText } from '../hooks/use-issue-text';
import { useServerIssue } from '../hooks/use-server-issues';
import type { FieldBaseline } from '../model/baseline';
import type { BackupConfigFormValues } from '../model/form-values';
import {
  maskSecrets,
  requiredParams,
  STORAGE_SCHEMES,
  type DestinationField,
  type StorageScheme,
} from '../model/storage-uri';
import { backupConfigMessages } from '../messages';
import { FieldHelp } from './field-help';

type Messages = (typeof backupConfigMessages)['en'];

function TextPart({
  control,
  name,
  label,
  description,
  secret,
}: {
  control: Control<BackupConfigFormValues>;
  name: DestinationField;
  label: string;
  description?: string | undefined;
  secret?: boolean;
}) {
  const issueText = useIssueText();
  const {
    field: { ref, value, onChange, onBlur, name: inputName },
    fieldState,
  } = useController({ control, name: `destination.${name}` });
  const serverIssue = useServerIssue(`destination.${name}`, value);
  const props = {
    label,
    description,
    name: inputName,
    ref,
    value,
    onChange: (event: ChangeEvent<HTMLInputElement>) => onChange(event.currentTarget.value),
    onBlur,
    error: issueText(fieldState.error?.message) ?? issueText(serverIssue),
    autoComplete: 'off',
    spellCheck: false,
  };
  return secret ? (
    <PasswordInput {...props} autoComplete="new-password" />
  ) : (
    <TextInput {...props} />
  );
}

function schemeLabel(t: Messages, scheme: StorageScheme): string {
  return { file: t.schemeFile, oss: t.schemeOss, cos: t.schemeCos, s3: t.schemeS3 }[scheme];
}

const PARAM_LABEL: Record<string, (t: Messages) => string> = {
  host: (t) => t.host,
  access_id: (t) => t.accessId,
  access_key: (t) => t.accessKey,
  appid: (t) => t.appid,
  s3_region: (t) => t.s3Region,
};

/** backup_base_uri, composed from a scheme, a path and the parameters OceanBase expects. */
export function DestinationFields({
  control,
  baseline,
  requiredBy,
  destinationFilled,
  uriChanged,
  composedUri,
}: {
  control: Control<BackupConfigFormValues>;
  baseline: FieldBaseline;
  /** Changed fields that need the URI sent too, comma-separated ("" when none). */
  requiredBy: string;
  destinationFilled: boolean;
  /** The composed URI differs from the current one. */
  uriChanged: boolean;
  composedUri: string | undefined;
}) {
  const t = useMessages(backupConfigMessages);
  const {
    field: { ref: schemeRef, value: current, onChange: onScheme, name: schemeName },
  } = useController({ control, name: 'destination.scheme' });
  return (
    <Fieldset legend={t.destinationTitle}>
      <Stack gap="sm">
        <FieldHelp help={t.destinationHelp} baseline={baseline} />
        {baseline.kind !== 'common' && !destinationFilled && requiredBy === '' && (
          <Text size="sm" c="dimmed">
            {t.destinationUnknown}
          </Text>
        )}
        {requiredBy !== '' && !uriChanged && (
          <Alert color="blue" variant="light" p="xs" role="note">
            {t.destinationRequiredBy(requiredBy)}{' '}
            {destinationFilled && baseline.kind === 'common' ? t.destinationRequiredFilled : ''}
          </Alert>
        )}
        <NativeSelect
          label={t.scheme}
          name={schemeName}
          ref={schemeRef}
          value={current}
          onChange={(event) => onScheme(event.currentTarget.value)}
          data={STORAGE_SCHEMES.map((s) => ({ value: s, label: schemeLabel(t, s) }))}
          maw={360}
        />
        <TextPart
          control={control}
          name="path"
          label={current === 'file' ? t.pathFile : t.pathObject}
          description={current === 'file' ? t.pathFileHelp : t.pathObjectHelp}
        />
        {requiredParams(current).map((name) => (
          <TextPart
            key={`${current}-${name}`}
            control={control}
            name={name}
            label={PARAM_LABEL[name]?.(t) ?? name}
            description={
              name === 'access_key' ? t.accessKeyHelp : name === 'host' ? t.hostHelp : undefined
            }
            secret={name === 'access_key'}
          />
        ))}
        {composedUri !== undefined && (
          <Text size="sm">
            {t.uriPreview}: <Code>{maskSecrets(composedUri)}</Code>
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
