import type { IdentifyMethod } from '../../../electron/rpc/flows/identify_contract.js';

/** Line pictures of what to do with each method (drawn in the text colour, so high contrast recolours them). */
const paths: Record<IdentifyMethod, React.ReactNode> = {
  document: (
    <>
      <rect x="6" y="34" width="52" height="20" rx="3" />
      <path d="M14 34l6-24h24l6 24" />
      <circle cx="32" cy="20" r="4" />
      <path d="M26 28c2-3 4-4 6-4s4 1 6 4" />
      <path d="M18 44h28" />
    </>
  ),
  'residence-permit': (
    <>
      <rect x="6" y="38" width="52" height="16" rx="3" />
      <rect x="14" y="12" width="36" height="22" rx="3" />
      <circle cx="24" cy="22" r="4" />
      <path d="M32 20h12M32 26h8" />
    </>
  ),
  'macao-one-account': (
    <>
      <rect x="20" y="6" width="24" height="44" rx="4" />
      <rect x="25" y="14" width="6" height="6" />
      <rect x="33" y="14" width="6" height="6" />
      <rect x="25" y="24" width="6" height="6" />
      <path d="M33 27h6M36 24v6" />
      <path d="M10 58h44M16 52l-4 6M48 52l4 6" />
    </>
  ),
};

export function IdentifyMethodIcon({ method }: { method: IdentifyMethod }) {
  return (
    <svg
      className="identify__icon"
      viewBox="0 0 64 64"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[method]}
    </svg>
  );
}
