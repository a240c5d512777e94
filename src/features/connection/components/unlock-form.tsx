import { Button, PasswordInput, Stack } from '@mantine/core';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { z } from '../../../lib/zod-mini';
import { ObshellErrorAlert } from '../../../components/obshell-error-alert';
import { useMessages } from '../../../lib/i18n/messages';
import { refusedPassword } from '../../../lib/obshell/auth-errors';
import { useUnlock } from '../api/unlock';
import { connectionMessages } from '../messages';

// "" is a valid root@sys password (a fresh cluster has none), so nothing here is required.
const unlockSchema = z.object({ rootPassword: z.string() });

export interface UnlockFormProps {
  onUnlocked?: () => void;
  autoFocus?: boolean;
}

/**
 * Password form shared by the connection screen and the re-authentication dialog. Only root@sys:
 * a cluster agent accepts it whether or not it has an agent password (contract §2.6).
 */
export function UnlockForm({ onUnlocked, autoFocus = true }: UnlockFormProps) {
  const t = useMessages(connectionMessages);
  const unlock = useUnlock({ onUnlocked });
  // A plain input: react-hook-form would add ~13 KB gzip to the first screen for no gain here.
  const [rootPassword, setRootPassword] = useState('');
  const rootRef = useRef<HTMLInputElement>(null);
  const refused = refusedPassword(unlock.error);
  // obshell names the agent password only when it has no root password yet (WithAgentPassword):
  // nothing the user can fix here by retyping, so its own message is shown.
  const rootRefused = refused === 'root' || refused === 'either';

  // The password is the only thing to do on this screen (and in the dialog): start there.
  useEffect(() => {
    if (autoFocus) rootRef.current?.focus();
  }, [autoFocus]);

  // After a refusal the cursor goes back to the refused password, still filled in for correction.
  useEffect(() => {
    if (rootRefused) rootRef.current?.focus();
  }, [rootRefused, unlock.error]);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = unlockSchema.safeParse({ rootPassword });
    if (!parsed.success) return;
    unlock.mutate({ rootPassword: parsed.data.rootPassword });
  };

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
          value={rootPassword}
          onChange={(event) => setRootPassword(event.currentTarget.value)}
          label={t.rootPassword}
          description={t.rootPasswordHelp}
          error={rootRefused ? t.wrongRootPassword : undefined}
          autoComplete="current-password"
          data-autofocus={autoFocus || undefined}
        />
        {unlock.error && !rootRefused && <ObshellErrorAlert error={unlock.error} />}
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
