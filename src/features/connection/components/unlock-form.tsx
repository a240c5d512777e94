import { Button, PasswordInput, Stack } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { z } from '../../../lib/zod-mini';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { useMessages } from '../../../lib/i18n/messages';
import { refusedPassword } from '../../../lib/obshell/auth-errors';
import { useUnlock } from '../api/unlock';
import { connectionMessages } from '../messages';

// "" is a valid root@sys password (a fresh cluster has none), so nothing here is required.
const unlockSchema = z.object({ rootPassword: z.string(), agentPassword: z.string() });
type UnlockValues = z.infer<typeof unlockSchema>;

export interface UnlockFormProps {
  /** The agent has `security: true` and wants its own password too. */
  askAgentPassword: boolean;
  onUnlocked?: () => void;
  autoFocus?: boolean;
}

/** Password form shared by the connection screen and the re-authentication dialog. */
export function UnlockForm({ askAgentPassword, onUnlocked, autoFocus = true }: UnlockFormProps) {
  const t = useMessages(connectionMessages);
  const unlock = useUnlock({ onUnlocked });
  // Two plain inputs: react-hook-form would add ~13 KB gzip to the first screen for no gain here.
  const [values, setValues] = useState<UnlockValues>({ rootPassword: '', agentPassword: '' });
  const rootRef = useRef<HTMLInputElement>(null);
  const agentRef = useRef<HTMLInputElement>(null);
  const refused = refusedPassword(unlock.error);

  // The password is the only thing to do on this screen (and in the dialog): start there.
  useEffect(() => {
    if (autoFocus) rootRef.current?.focus();
  }, [autoFocus]);

  // After a refusal the cursor goes back to the refused password, still filled in for correction.
  useEffect(() => {
    if (refused === 'agent' && askAgentPassword) agentRef.current?.focus();
    else if (refused) rootRef.current?.focus();
  }, [refused, askAgentPassword]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = unlockSchema.safeParse(values);
    if (!parsed.success) return;
    unlock.mutate({
      rootPassword: parsed.data.rootPassword,
      agentPassword: askAgentPassword ? parsed.data.agentPassword : undefined,
    });
  };

  const rootError =
    refused === 'root' || (refused === 'either' && !askAgentPassword)
      ? t.wrongRootPassword
      : refused === 'either'
        ? t.wrongPassword
        : undefined;
  const agentError = refused === 'agent' ? t.wrongAgentPassword : undefined;

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {/* Lets password managers file the password under the right account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          value="root@sys"
          hidden
          readOnly
        />
        <PasswordInput
          ref={rootRef}
          name="rootPassword"
          value={values.rootPassword}
          onChange={(event) => {
            const rootPassword = event.currentTarget.value;
            setValues((v) => ({ ...v, rootPassword }));
          }}
          label={t.rootPassword}
          description={t.rootPasswordHelp}
          error={rootError}
          autoComplete="current-password"
          data-autofocus={autoFocus || undefined}
        />
        {askAgentPassword && (
          <PasswordInput
            ref={agentRef}
            name="agentPassword"
            value={values.agentPassword}
            onChange={(event) => {
              const agentPassword = event.currentTarget.value;
              setValues((v) => ({ ...v, agentPassword }));
            }}
            label={t.agentPassword}
            description={t.agentPasswordHelp}
            error={agentError}
            autoComplete="off"
          />
        )}
        {unlock.error && !refused && <ObshellErrorAlert error={unlock.error} />}
        <Button
          type="submit"
          loading={unlock.isPending}
          loaderProps={{ 'aria-label': t.unlocking }}
        >
          {t.unlock}
        </Button>
      </Stack>
    </form>
  );
}
