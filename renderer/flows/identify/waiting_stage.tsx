import { useTranslation } from 'react-i18next';

/** While the main process reads a document or asks the backend: what is happening, and what to do meanwhile. */
export function WaitingStage({ message }: { message: string }) {
  const { t } = useTranslation('identify');
  return (
    <div className="identify__waiting" role="status" aria-live="polite">
      <span className="identify__spinner" aria-hidden="true" />
      <p>{t(message)}</p>
    </div>
  );
}
