import { PasswordInput, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useBoundField } from '../hooks/use-bound-field';
import type { DestinationField } from '../model/storage-uri';

/** One text part of the destination (path or a URI parameter); access_key is a password input. */
export function DestinationInput({
  name,
  label,
  description,
  secret,
}: {
  name: DestinationField;
  label: string;
  description?: string | undefined;
  secret?: boolean;
}) {
  const { field, error } = useBoundField(`destination.${name}`);
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
