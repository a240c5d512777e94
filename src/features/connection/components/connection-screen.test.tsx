import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../../sim/start';
import { createObshellClient } from '../../../lib/obshell/client';
import { createCredentialStore } from '../../../lib/obshell/credentials';
import { renderWithApp } from '../../../testing/render';
import { ConnectionScreen } from './connection-screen';

// The screen against the real simulator over HTTP (jsdom's fetch is Node's). Real requests on a
// shared machine can take more than findBy's default second.
const slow = { timeout: 8_000 };
const ROOT = 'screen-root-pw';
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, rootPassword: ROOT });
});
afterAll(async () => {
  await sim.close();
});
beforeEach(async () => {
  await fetch(`${sim.url}/__sim/reset`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rootPassword: ROOT }),
  });
});

function renderScreen(locale: 'en' | 'zh' = 'en') {
  const credentials = createCredentialStore();
  const client = createObshellClient({
    apiBase: sim.url,
    getCredentials: credentials.get,
    getLocale: () => locale,
  });
  renderWithApp(<ConnectionScreen />, { locale, connection: { credentials, client } });
  return { credentials };
}

describe('ConnectionScreen', () => {
  it('shows the agent, then keeps the password only once obshell accepted it', async () => {
    const user = userEvent.setup();
    const { credentials } = renderScreen();
    expect(await screen.findByText('127.0.0.1:2886', {}, slow)).toBeInTheDocument();
    expect(screen.getByText('CLUSTER AGENT')).toBeInTheDocument();

    const password = screen.getByLabelText('root@sys password');
    await user.type(password, 'wrong-pw');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(
      await screen.findByText(
        'obshell refused this root@sys password. Check it and try again.',
        {},
        slow,
      ),
    ).toBeInTheDocument();
    expect(password).toHaveValue('wrong-pw');
    expect(credentials.phase()).toBe('locked');

    await user.clear(password);
    await user.type(password, ROOT);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    await waitFor(() => expect(credentials.phase()).toBe('unlocked'), slow);
    expect(credentials.get()).toEqual({ rootPassword: ROOT });
  });

  it(
    'on a cluster agent with security on, asks for root@sys only and says why',
    { timeout: 20_000 },
    async () => {
      await fetch(`${sim.url}/__sim/reset`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ rootPassword: ROOT, agentPassword: 'agent-secret' }),
      });
      const user = userEvent.setup();
      const { credentials } = renderScreen();
      expect(await screen.findByTestId('agent-security-note', {}, slow)).toHaveTextContent(
        'security: true means this agent has its own agent password. It is not needed here',
      );
      expect(screen.queryByLabelText('Agent password')).not.toBeInTheDocument();
      await user.type(screen.getByLabelText('root@sys password'), ROOT);
      await user.click(screen.getByRole('button', { name: 'Unlock' }));
      await waitFor(() => expect(credentials.phase()).toBe('unlocked'), slow);
      expect(credentials.get()).toEqual({ rootPassword: ROOT });
    },
  );

  it('speaks Chinese', async () => {
    renderScreen('zh');
    expect(await screen.findByRole('heading', { name: '连接 obshell' }, slow)).toBeInTheDocument();
    expect(screen.getByLabelText('root@sys 密码')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '解锁' })).toBeInTheDocument();
  });
});
