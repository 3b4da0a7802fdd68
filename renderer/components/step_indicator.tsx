import './step_indicator.css';

export interface StepIndicatorProps {
  /** The steps' names, in the order the resident goes through them. */
  labels: readonly string[];
  /** 0-based index of the step the resident is on. */
  current: number;
  /** The whole indicator's name for assistive technology ("Step 2 of 4"). */
  summary: string;
}

/**
 * Where the resident is in a flow: each step named, the current one marked and announced (`aria-current`), the
 * ones done ticked. Plain data in, no navigation: a step is never a button.
 */
export function StepIndicator({ labels, current, summary }: StepIndicatorProps) {
  return (
    <nav className="step-indicator" aria-label={summary} data-testid="step-indicator">
      <ol>
        {labels.map((label, index) => {
          const state = index < current ? 'done' : index === current ? 'current' : 'next';
          return (
            <li
              key={label}
              className={`step-indicator__step step-indicator__step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="step-indicator__number" aria-hidden="true">
                {state === 'done' ? '✓' : String(index + 1)}
              </span>
              <span className="step-indicator__label">{label}</span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
