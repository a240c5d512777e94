import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startSimulator, type SimulatorHandle } from '../../../sim/start';
import { createObshellClient, credentialsUsedFor } from './client';
import { createCredentialStore } from './credentials';
import { ObshellError } from './envelope';

const ROOT = 'store-root-pw';
let sim: SimulatorHandle;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, rootPassword: ROOT });
});
afterAll(async () => {
  await sim.close();
});

function setup() {
  const store = createCredentialStore();
  const client = createObshellClient({
    apiBase: sim.url,
    getCredentials: store.get,
    waitForCredentials: store.waitForCredentials,
    getLocale: () => 'en',
  });
  const clusterName = (signal?: AbortSignal) =>
    client
      .request({
        method: 'GET',
        path: '/api/v1/obcluster/info',
        schema: z.looseObject({ cluster_name: z.string() }),
        signal,
      })
      .then((info) => info.cluster_name);
  return { store, clusterName };
}

const settledWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([
    promise.then(
      () => true,
      () => true,
    ),
    new Promise((resolve) => setTimeout(() => resolve(false), ms)),
  ]);

describe('credential store', () => {
  it('moves locked → unlocked → reauth → unlocked → locked', () => {
    const { store } = setup();
    const phases: string[] = [];
    store.subscribe(() => phases.push(store.phase()));
    expect(store.phase()).toBe('locked');
    store.expire(); // nothing to expire while locked
    store.set({ rootPassword: 'a' });
    store.expire();
    expect(store.get()).toBeNull();
    store.set({ rootPassword: 'b' });
    store.clear();
    expect(phases).toEqual(['unlocked', 'reauth', 'unlocked', 'locked']);
  });

  it('a late refusal of a password no longer held does not ask again', async () => {
    const { store, clusterName } = setup();
    store.set({ rootPassword: 'old-password' });
    const stale = await clusterName().catch((error: unknown) => error);
    expect(credentialsUsedFor(stale)).toEqual({ rootPassword: 'old-password' });
    store.set({ rootPassword: ROOT }); // re-authenticated meanwhile
    store.expire(credentialsUsedFor(stale));
    expect(store.phase()).toBe('unlocked');

    store.set({ rootPassword: 'changed-on-agent' });
    const current = await clusterName().catch((error: unknown) => error);
    store.expire(credentialsUsedFor(current));
    expect(store.phase()).toBe('reauth');
  });

  it('holds requests during re-authentication and sends them with the new password', async () => {
    const { store, clusterName } = setup();
    store.set({ rootPassword: ROOT });
    store.expire();
    const pending = clusterName();
    expect(await settledWithin(pending, 150)).toBe(false);
    store.set({ rootPassword: ROOT });
    await expect(pending).resolves.toBe('obdemo');
  });

  it('fails held requests as locked when the user locks instead', async () => {
    const { store, clusterName } = setup();
    store.set({ rootPassword: ROOT });
    store.expire();
    const pending = clusterName();
    store.clear();
    await expect(pending).rejects.toSatisfy(
      (error) => error instanceof ObshellError && error.kind === 'locked',
    );
  });

  it('lets a held request be cancelled', async () => {
    const { store, clusterName } = setup();
    store.set({ rootPassword: ROOT });
    store.expire();
    const controller = new AbortController();
    const pending = clusterName(controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow();
    expect(await settledWithin(pending, 10)).toBe(true);
  });

  it('fails at once while simply locked', async () => {
    const { clusterName } = setup();
    await expect(clusterName()).rejects.toSatisfy(
      (error) => error instanceof ObshellError && error.kind === 'locked',
    );
  });
});
