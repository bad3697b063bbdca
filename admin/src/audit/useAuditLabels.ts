import { useMemo } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { introspection, schemaModel } from '../providers/dataProvider';
import { auditActionLabel, auditActorLabel, auditReasonLabel, operationLabels } from './labels';

/**
 * The log's codes in the chosen language: actor, action (operations by their schema descriptions, so
 * in Chinese), resource and reason. Resource names come from the whole schema: the auditor reads none
 * of them but sees them named (账号, 来信).
 */
export function useAuditLabels() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return useMemo(() => {
    const operations = operationLabels(introspection, translate);
    const resources = new Map(schemaModel.resources.map((r) => [r.name, translate(`resources.${r.name}.name`, { smart_count: 1, _: r.label })]));
    return {
      actor: (r: any) => auditActorLabel(r, translate),
      action: (r: any) => auditActionLabel(r, operations, resources, translate),
      resource: (r: any) => (r.resource ? (resources.get(r.resource) ?? r.resource) : ''),
      reason: (r: any) => auditReasonLabel(r.reason, translate),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale]);
}
