import { useState, type FormEvent } from 'react';
import type { Viewer } from './types';

/** Sign in with a token (`npm run token`), to see what the role allows; kept for this tab only. */
export function SignIn({ token, viewer, onToken }: { token: string | null; viewer: Viewer['viewer'] | null; onToken: (token: string | null) => void }) {
  const [draft, setDraft] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim();
    if (value) onToken(value);
    setDraft('');
  };
  if (token) {
    return (
      <div className="sign-in">
        <span data-testid="viewer">
          Signed in as {viewer?.subject ?? '…'} ({viewer?.role ?? '…'}
          {viewer?.cluster ? `, ${viewer.cluster.name}` : ''})
        </span>
        <button type="button" onClick={() => onToken(null)}>
          Sign out
        </button>
      </div>
    );
  }
  return (
    <form className="sign-in" onSubmit={submit}>
      <label htmlFor="token">Token</label>
      <input id="token" type="password" autoComplete="off" value={draft} onChange={(event) => setDraft(event.target.value)} placeholder="paste a token to sign in" />
      <button type="submit">Sign in</button>
    </form>
  );
}
