import { useState } from 'react';
import { tokenStore } from '../api';
import { SignIn } from '../dashboard/sign-in';
import type { Viewer } from '../dashboard/types';
import { useOperation } from '../dashboard/use-operation';
import { CallSearch } from './call-search';
import { NeedSearch } from './need-search';

/** The partner finder: who across the network brings what a need asks, and consortia for a call. */
export function PartnersApp() {
  const [token, setToken] = useState<string | null>(() => tokenStore.get());
  const viewer = useOperation<Viewer>('DashboardViewer', {}, token);
  const signIn = (next: string | null) => {
    tokenStore.set(next);
    setToken(next);
  };
  return (
    <>
      <header className="top">
        <h1>Find partners</h1>
        <SignIn token={token} viewer={viewer.data?.viewer ?? null} onToken={signIn} />
      </header>
      <main>
        <p className="muted">
          Every cluster ranks its own members for what you ask; the gateway merges the nine rankings into one. <a href="/">Back to the dashboard</a>.
        </p>
        <div className="grid">
          <NeedSearch token={token} />
          <CallSearch token={token} />
        </div>
      </main>
    </>
  );
}
