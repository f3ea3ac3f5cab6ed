// The actions table's columns under their API names, as both bare servers (SQLite and PostgreSQL) write
// them by hand: `select <column> as "<name>"`, and the columns a PATCH may set.
export const COLUMNS = {
  id: 'id', version: 'version', createdAt: 'created_at', updatedAt: 'updated_at', planId: 'plan_id', ref: 'ref', title: 'title',
  areaId: 'area_id', projectId: 'project_id', workstreamId: 'workstream_id', responsibleOrganisation: 'responsible_organisation',
  owner: 'owner', startDate: 'start_date', dueDate: 'due_date', revisedDueDate: 'revised_due_date', percentComplete: 'percent_complete',
  milestone: 'milestone', status: 'status', delayReason: 'delay_reason', mitigation: 'mitigation', ragOverride: 'rag_override',
  ragOverrideReason: 'rag_override_reason',
} as const;

/** The select list of every column under its API name. */
export const SELECT_LIST = Object.entries(COLUMNS).map(([k, c]) => `${c} as "${k}"`).join(', ');
