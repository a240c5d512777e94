import { Alert, Code, Fieldset, NativeSelect, Stack, Text } from '@mantine/core';
import { useMessages } from '../../../lib/i18n/messages';
import { useBoundField } from '../hooks/use-bound-field';
import { useIsReading } from '../hooks/use-read-progress';
import type { FieldBaseline } from '../model/baseline';
import {
  maskSecrets,
  schemeParams,
  STORAGE_SCHEMES,
  type DestinationParam,
  type StorageScheme,
} from '../model/storage-uri';
import { backupConfigMessages } from '../messages';
import { DestinationInput } from './destination-input';
import { FieldHelp } from './field-help';

type Messages = (typeof backupConfigMessages)['en'];

function schemeLabel(t: Messages, scheme: StorageScheme): string {
  return { file: t.schemeFile, oss: t.schemeOss, cos: t.schemeCos, s3: t.schemeS3 }[scheme];
}

const PARAM_TEXT: Record<DestinationParam, (t: Messages) => [string, string | undefined]> = {
  host: (t) => [t.host, t.hostHelp],
  access_id: (t) => [t.accessId, undefined],
  access_key: (t) => [t.accessKey, t.accessKeyHelp],
  appid: (t) => [t.appid, undefined],
  s3_region: (t) => [`${t.s3Region} — ${t.optional}`, t.s3RegionHelp],
  delete_mode: (t) => [`${t.deleteMode} — ${t.optional}`, t.deleteModeHelp],
};

/** What differs between backup_base_uri and the tenant scope's two URIs. */
export interface DestinationText {
  title: string;
  help: string;
  unknown: string;
  requiredBy: (fields: string) => string;
}

/**
 * A destination URI (backup_base_uri; in tenant scope archive_base_uri or data_base_uri), composed
 * from a scheme, a path and the parameters OceanBase expects.
 */
export function DestinationFields({
  group = 'destination',
  text,
  baseline,
  requiredBy,
  destinationFilled,
  uriChanged,
  composedUri,
}: {
  group?: 'destination' | 'data_destination';
  /** Defaults to backup_base_uri's wording. */
  text?: DestinationText | undefined;
  baseline: FieldBaseline;
  /** Changed fields that need the URI sent too, comma-separated ("" when none). */
  requiredBy: string;
  destinationFilled: boolean;
  /** The composed URI differs from the current one. */
  uriChanged: boolean;
  composedUri: string | undefined;
}) {
  const t = useMessages(backupConfigMessages);
  const reading = useIsReading();
  const words = text ?? {
    title: t.destinationTitle,
    help: t.destinationHelp,
    unknown: t.destinationUnknown,
    requiredBy: t.destinationRequiredBy,
  };
  const {
    field: { ref: schemeRef, value: current = 'file', onChange: onScheme, name: schemeName },
  } = useBoundField(`${group}.scheme`);
  return (
    <Fieldset legend={words.title}>
      <Stack gap="sm">
        <FieldHelp help={words.help} baseline={baseline} />
        {!reading && baseline.kind !== 'common' && !destinationFilled && requiredBy === '' && (
          <Text size="sm" c="dimmed">
            {words.unknown}
          </Text>
        )}
        {requiredBy !== '' && !uriChanged && (
          <Alert color="blue" variant="light" p="xs" role="note">
            {words.requiredBy(requiredBy)}{' '}
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
        <DestinationInput
          group={group}
          name="path"
          label={current === 'file' ? t.pathFile : t.pathObject}
          description={current === 'file' ? t.pathFileHelp : t.pathObjectHelp}
        />
        {schemeParams(current).map(({ name }) => {
          const [label, description] = PARAM_TEXT[name](t);
          return (
            <DestinationInput
              group={group}
              key={`${current}-${name}`}
              name={name}
              label={label}
              description={description}
              secret={name === 'access_key'}
            />
          );
        })}
        {composedUri !== undefined && (
          <Text size="sm">
            {t.uriPreview}: <Code>{maskSecrets(composedUri)}</Code>
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
