import { Component, type ReactNode } from 'react';

interface State {
  error: unknown;
}

/**
 * Catches a failure to load or start the pages (their chunk, the router) below the shell, so the
 * header stays and the explanation is the app's own (ObshellErrorAlert tells a chunk that could
 * not load from anything else). Render errors inside a page never get here: the router's route
 * boundaries take those.
 */
export class PagesLoadBoundary extends Component<
  { children: ReactNode; fallback: (error: unknown) => ReactNode },
  State
> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override render() {
    return this.state.error === undefined
      ? this.props.children
      : this.props.fallback(this.state.error);
  }
}
