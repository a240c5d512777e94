import { PasswordInput, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useBoundField } from '../hooks/use-bound-field';
import type { DestinationField } from '../model/storage-uri';

/** One text part of the destination (path or a URI parameter); access_key is a password input. */
export function DestinationInput({
  group = 'destination',
  name,
  label,
  description,
  secret,
}: {
  /** Tenant scope has a second destination (data_base_uri) beside the archive one. */
  group?: 'destination' | 'data_destination' | undefined;
  name: DestinationField;
  label: string;
  description?: string | undefined;
  secret?: boolean;
}) {
  const { field, error } = useBoundField(`${group}.${name}`);
  const props = {
    label,
    description,
    name: field.name,
    ref: field.ref,
    value: field.value,
    onChange: (event: ChangeEvent<HTMLInputElement>) => field.onChange(event.currentTarget.value),
    onBlur: field.onBlur,
    error,
    autoComplete: 'off',
    spellCheck: false,
  };
  return secret ? (
    <PasswordInput {...props} autoComplete="new-password" />
  ) : (
    <TextInput {...props} />
  );
}
