import { createContext, useContext, type ReactNode } from 'react';
import type { EmbedParams } from './embed-params';

const EmbedContext = createContext<EmbedParams>({ embed: false });

export function EmbedProvider({ value, children }: { value: EmbedParams; children: ReactNode }) {
  return <EmbedContext.Provider value={value}>{children}</EmbedContext.Provider>;
}

/** True inside a portal's iframe (`?embed=1`): the app hides its own header and navigation. */
export function useEmbedMode(): boolean {
  return useContext(EmbedContext).embed;
}

export function useEmbedParams(): EmbedParams {
  return useContext(EmbedContext);
}
