import { useEffect, useState } from 'react';
import { shardStatuses, type ShardStatus } from '../api';

const REFRESH_MS = 5_000;

/** Each cluster deployment up, slow or down, probed by the gateway every few seconds. */
export function ShardHealth({ names, onChange }: { names: Map<string, string>; onChange?: (statuses: ShardStatus[]) => void }) {
  const [statuses, setStatuses] = useState<ShardStatus[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [checkedAt, setCheckedAt] = useState<Date | null>(null);

  useEffect(() => {
    let current = true;
    const check = () =>
      shardStatuses().then(
        (answer) => {
          if (!current) return;
          setStatuses(answer);
          setFailure(null);
          setCheckedAt(new Date());
          onChange?.(answer);
        },
        (error: unknown) => current && setFailure(error instanceof Error ? error.message : String(error)),
      );
    void check();
    const timer = setInterval(check, REFRESH_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [onChange]);

  return (
    <section aria-labelledby="health-title" className="panel">
      <h2 id="health-title">Cluster health</h2>
      {failure && <p role="alert">The gateway does not answer: {failure}</p>}
      {statuses && (
        <ul className="health" aria-live="polite" data-testid="shard-health">
          {statuses.map((shard) => (
            <li key={shard.clusters.join(',')} data-shard={shard.clusters.join(',')} data-status={shard.status}>
              <span className={`dot ${shard.status}`} aria-hidden="true" />
              <span className="name">{shard.clusters.map((id) => names.get(id) ?? id).join(', ')}</span>
              <span className="state">{shard.status}</span>
              <span className="muted">{shard.latencyMs === null ? (shard.reason ?? '') : `${shard.latencyMs} ms`}</span>
            </li>
          ))}
        </ul>
      )}
      {checkedAt && <p className="hint">Checked at {checkedAt.toLocaleTimeString('en-GB')}; every {REFRESH_MS / 1000} s.</p>}
    </section>
  );
}
