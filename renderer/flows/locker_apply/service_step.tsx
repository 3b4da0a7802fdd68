import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LockerServiceView } from '../../../electron/rpc/flows/locker_apply_contract.js';
import { action } from '../../a11y/speakable.js';
import { useRpc } from '../../rpc/rpc_context.js';
import { inLanguage } from './apply_format.js';
import { ApplyFrame } from './apply_frame.js';

/** The services whose item a Smart Locker can hold, under their departments' names. */
export function ServiceStep({
  services,
  indicator,
}: {
  services: LockerServiceView[];
  indicator: ReactNode;
}) {
  const { t, i18n } = useTranslation('locker-apply');
  const rpc = useRpc();
  const departments = [...new Set(services.map((s) => s.department.code))];
  return (
    <ApplyFrame step="service" indicator={indicator} title={t('service.title')}>
      <p className="apply__lead">{t('service.lead')}</p>
      {departments.map((code) => {
        const inDepartment = services.filter((s) => s.department.code === code);
        const department = inDepartment[0]?.department;
        if (!department) return null;
        return (
          <section
            key={code}
            className="apply__group"
            aria-label={inLanguage(department.name, i18n.language)}
          >
            <h2 className="apply__group-title">{inLanguage(department.name, i18n.language)}</h2>
            <div className="apply__list">
              {inDepartment.map((s) => (
                <button
                  key={s.serviceId}
                  type="button"
                  className="apply__item"
                  data-testid={`apply-service-${s.serviceId}`}
                  {...action([{ key: 'locker-apply:spoken.name', values: { name: { text: s.name } } }])}
                  onClick={() => void rpc.call('locker-apply.chooseService', { serviceId: s.serviceId })}
                >
                  {inLanguage(s.name, i18n.language)}
                </button>
              ))}
            </div>
          </section>
        );
      })}
    </ApplyFrame>
  );
}
