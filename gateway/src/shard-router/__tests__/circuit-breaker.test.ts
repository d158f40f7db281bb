import { CircuitBreaker } from '../circuit-breaker';

function breakerAt(start = 0) {
  const clock = { now: start };
  const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 1000 }, () => clock.now);
  return { breaker, clock };
}

describe('CircuitBreaker', () => {
  it('opens after the threshold of failures in a row and refuses at once', () => {
    const { breaker } = breakerAt();
    breaker.failed('HTTP 500');
    expect(breaker.state).toBe('closed');
    breaker.failed('HTTP 500');
    expect(breaker.state).toBe('open');
    const admission = breaker.admit();
    expect(admission.admitted).toBe(false);
  });

  it('lets one probe through once the open period has passed, and its success closes the circuit', () => {
    const { breaker, clock } = breakerAt();
    breaker.failed('x');
    breaker.failed('x');
    clock.now = 1000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.admit()).toEqual({ admitted: true, probe: true });
    expect(breaker.admit().admitted).toBe(false);
    breaker.succeeded();
    expect(breaker.state).toBe('closed');
  });

  it('keeps the open period running from the failure that opened it when requests already in flight fail late', () => {
    const { breaker, clock } = breakerAt();
    breaker.failed('x');
    breaker.failed('x');
    // Requests admitted before the circuit opened come back failed while it is open.
    clock.now = 600;
    breaker.failed('late');
    clock.now = 900;
    breaker.failed('late');
    clock.now = 1000;
    expect(breaker.state).toBe('half-open');
    expect(breaker.admit()).toEqual({ admitted: true, probe: true });
  });

  it('restarts the open period when the probe itself fails', () => {
    const { breaker, clock } = breakerAt();
    breaker.failed('x');
    breaker.failed('x');
    clock.now = 1000;
    expect(breaker.admit()).toEqual({ admitted: true, probe: true });
    clock.now = 1200;
    breaker.failed('still down', true);
    clock.now = 2100;
    expect(breaker.state).toBe('open');
    clock.now = 2200;
    expect(breaker.state).toBe('half-open');
  });

  it('does not take a late failure during half-open for the probe', () => {
    const { breaker, clock } = breakerAt();
    breaker.failed('x');
    breaker.failed('x');
    clock.now = 1000;
    expect(breaker.admit().admitted).toBe(true);
    breaker.failed('late, not the probe');
    expect(breaker.state).toBe('half-open');
    // The probe is still out: no second one.
    expect(breaker.admit().admitted).toBe(false);
  });
});
