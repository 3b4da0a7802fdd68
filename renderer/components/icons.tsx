import type { ServiceId } from '../../electron/rpc/service_ids.js';

/** Line icons drawn on a 48×48 grid; they inherit the text colour so high contrast recolours them. */
interface IconProps {
  size?: number;
}

function Svg({ size = 48, children }: IconProps & { children: React.ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

const servicePaths: Record<ServiceId, React.ReactNode> = {
  'book-appointment': (
    <>
      <rect x="7" y="10" width="34" height="31" rx="3" />
      <path d="M7 19h34M16 6v8M32 6v8M15 27h6M27 27h6M15 34h6" />
    </>
  ),
  'check-in': (
    <>
      <path d="M8 16V8h8M32 8h8v8M40 32v8h-8M16 40H8v-8" />
      <rect x="15" y="15" width="7" height="7" />
      <rect x="26" y="15" width="7" height="7" />
      <rect x="15" y="26" width="7" height="7" />
      <path d="M26 30l3 3 6-7" />
    </>
  ),
  'collect-document': (
    <>
      <rect x="5" y="11" width="38" height="26" rx="3" />
      <circle cx="16" cy="22" r="4" />
      <path d="M10 31c1.5-3 3.5-4 6-4s4.5 1 6 4M27 20h10M27 26h10M27 31h6" />
    </>
  ),
  'proof-of-identity': (
    <>
      <path d="M12 5h17l8 8v30H12z" />
      <path d="M29 5v8h8M17 20h14M17 26h14M17 32h7" />
      <circle cx="31" cy="35" r="4" />
    </>
  ),
  'locker-pickup': (
    <>
      <rect x="8" y="5" width="32" height="38" rx="2" />
      <path d="M24 5v38M8 18h32M8 31h32M19 11v2M29 11v2M19 24v2M29 24v2M19 37v2M29 37v2" />
    </>
  ),
  'locker-apply': (
    <>
      <path d="M24 43s13-12.5 13-23a13 13 0 0 0-26 0c0 10.5 13 23 13 23z" />
      <rect x="18" y="13" width="12" height="13" rx="1" />
      <path d="M24 13v13" />
    </>
  ),
  // A page with a QR corner under a magnifying glass: a printed proof being checked.
  'check-proof': (
    <>
      <path d="M9 5h17l7 7v13M33 43H9V5" />
      <path d="M14 12h6v6h-6zM14 24h9" />
      <circle cx="33" cy="33" r="7" />
      <path d="M38 38l5 5M30 33l2 2 4-4" />
    </>
  ),
  // An open book: government publications.
  publications: (
    <>
      <path d="M24 12c-4-3-10-4-17-4v30c7 0 13 1 17 4 4-3 10-4 17-4V8c-7 0-13 1-17 4z" />
      <path d="M24 12v30" />
    </>
  ),
};

export function ServiceIcon({ service, size }: IconProps & { service: ServiceId }) {
  return <Svg size={size}>{servicePaths[service]}</Svg>;
}

export function GlobeIcon({ size }: IconProps) {
  return (
    <Svg size={size}>
      <circle cx="24" cy="24" r="18" />
      <path d="M6 24h36M24 6c5 5 7 11 7 18s-2 13-7 18c-5-5-7-11-7-18s2-13 7-18z" />
    </Svg>
  );
}

export function AccessibilityIcon({ size }: IconProps) {
  return (
    <Svg size={size}>
      <circle cx="24" cy="24" r="19" />
      <circle cx="24" cy="14" r="2.5" />
      <path d="M14 19l10 2 10-2M24 21v8l-5 9M24 29l5 9" />
    </Svg>
  );
}

export function TouchIcon({ size }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M19 26V11a3 3 0 0 1 6 0v12l8 2a4 4 0 0 1 3 4.5L34.5 42H20l-6-9a3 3 0 0 1 5-3z" />
      <path d="M13 12a9 9 0 0 1 18 0" />
    </Svg>
  );
}

export function ClockIcon({ size }: IconProps) {
  return (
    <Svg size={size}>
      <circle cx="24" cy="24" r="18" />
      <path d="M24 13v11l7 5" />
    </Svg>
  );
}

export function WrenchIcon({ size }: IconProps) {
  return (
    <Svg size={size}>
      <path d="M30 6a10 10 0 0 0-9 13L7 33a4 4 0 0 0 6 6l14-14a10 10 0 0 0 13-9l-6 3-5-2-2-5z" />
    </Svg>
  );
}

export function HelpIcon({ size }: IconProps) {
  return (
    <Svg size={size}>
      <circle cx="24" cy="24" r="19" />
      <path d="M18.5 18.5a5.5 5.5 0 1 1 8 5c-1.8 1-2.5 2.2-2.5 4.5" />
      <circle cx="24" cy="34.5" r="0.8" />
    </Svg>
  );
}
