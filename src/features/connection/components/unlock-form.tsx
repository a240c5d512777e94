import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { Controller, useForm } from 'react-hook-form';
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
  const { control, handleSubmit, setFocus } = useForm<UnlockValues>({
    resolver: zodResolver(unlockSchema),
    defaultValues: { rootPassword: '', agentPassword: '' },
  });
  const refused = refusedPassword(unlock.error);

  // The password is the only thing to do on this screen (and in the dialog): start there.
  useEffect(() => {
    if (autoFocus) setFocus('rootPassword');
  }, [autoFocus, setFocus]);

  // After a refusal the cursor goes back to the refused password, still filled in for correction.
  useEffect(() => {
    if (refused === 'agent' && askAgentPassword) setFocus('agentPassword');
    else if (refused) setFocus('rootPassword');
  }, [refused, askAgentPassword, setFocus]);

  const onSubmit = handleSubmit((values) => {
    unlock.mutate({
      rootPassword: values.rootPassword,
      agentPassword: askAgentPassword ? values.agentPassword : undefined,
    });
  });

  const rootError =
    refused === 'root' || (refused === 'either' && !askAgentPassword)
      ? t.wrongRootPassword
      : refused === 'either'
        ? t.wrongPassword
        : undefined;
  const agentError = refused === 'agent' ? t.wrongAgentPassword : undefined;

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
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
        <Controller
          control={control}
          name="rootPassword"
          render={({ field }) => (
            <PasswordInput
              {...field}
              label={t.rootPassword}
              description={t.rootPasswordHelp}
              error={rootError}
              autoComplete="current-password"
              data-autofocus={autoFocus || undefined}
            />
          )}
        />
        {askAgentPassword && (
          <Controller
            control={control}
            name="agentPassword"
            render={({ field }) => (
              <PasswordInput
                {...field}
                label={t.agentPassword}
                description={t.agentPasswordHelp}
                error={agentError}
                autoComplete="off"
              />
            )}
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
