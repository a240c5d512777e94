import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useMessages } from '../../../lib/i18n/messages';
import { taskMessages } from '../messages';

/** Asks for desktop-notification permission (browsers require a click to ask). */
export function NotifyToggle() {
  const t = useMessages(taskMessages);
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported) return null;
  if (permission === 'granted') {
    return (
      <Text size="sm" c="dimmed">
        {t.notifyOn}
      </Text>
    );
  }
  if (permission === 'denied') {
    return (
      <Text size="sm" c="dimmed">
        {t.notifyDenied}
      </Text>
    );
  }
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      w="fit-content"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      {t.notifyMe}
    </Button>
  );
}
