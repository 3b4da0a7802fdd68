import { describe, expect, it } from 'vitest';
import { CircuitBreaker, type CircuitState } from './circuit_breaker.js';

describe('circuit breaker', () => {
  function breaker() {
    let now = 0;
    const changes: CircuitState[] = [];
    const circuit = new CircuitBreaker({
      failureThreshold: 3,
      cooldownMs: 10_000,
      now: () => now,
      onChange: (s) => changes.push(s),
    });
    return { circuit, changes, advance: (ms: number) => (now += ms) };
  }

  it('opens after the threshold of failures in a row, not before, and a success resets the count', () => {
    const { circuit } = breaker();
    circuit.failed();
    circuit.failed();
    circuit.succeeded();
    circuit.failed();
    circuit.failed();
    expect(circuit.state).toBe('closed');
    circuit.failed();
    expect(circuit.state).toBe('open');
    expect(circuit.allow()).toBe(false);
  });

  it('lets one probe through after the cool-down; its failure reopens, its success closes', () => {
    const { circuit, changes, advance } = breaker();
    for (let i = 0; i < 3; i++) circuit.failed();
    advance(9_999);
    expect(circuit.allow()).toBe(false);
    advance(1);
    expect(circuit.allow()).toBe(true);
    expect(circuit.allow()).toBe(false);
    circuit.failed();
    expect(circuit.state).toBe('open');
    advance(10_000);
    expect(circuit.allow()).toBe(true);
    circuit.succeeded();
    expect(circuit.state).toBe('closed');
    expect(circuit.allow()).toBe(true);
    expect(changes).toEqual(['open', 'half-open', 'open', 'half-open', 'closed']);
  });
});
