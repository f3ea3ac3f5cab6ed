// Register services: plain resources under a project; a risk's score is likelihood × impact.
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { benefits, dependencies, issues, risks } from '../../db/schema.js';
import { riskScore } from '../../domain/risk.js';
import type { Repos } from '../../db/repos/index.js';
import { ResourceService } from '../resource-service.js';
import type { RiskRow } from '../../db/repos/registers.js';
import type * as S from './schemas.js';

export const riskToApi = (row: RiskRow): S.Risk => ({ ...row, score: riskScore(row.likelihood, row.impact) });

export const createRegisterServices = (repos: Repos) => {
  const parent = (column: SQLiteColumn) => ({ repo: repos.projects, column, key: 'projectId' });
  return {
    risks: new ResourceService<Repos['risks'], S.CreateRisk, S.UpdateRisk, S.RegisterQuery, S.Risk>({
      repo: repos.risks,
      parent: parent(risks.projectId),
      toApi: riskToApi,
      optional: ['owner', 'ownerEmail', 'impactDescription', 'mitigation', 'targetResolutionDate'],
    }),
    issues: new ResourceService<Repos['issues'], S.CreateIssue, S.UpdateIssue, S.RegisterQuery, S.Issue>({
      repo: repos.issues,
      parent: parent(issues.projectId),
      toApi: (row) => row,
      optional: ['owner', 'ownerEmail', 'impactDescription', 'mitigation', 'resolutionDate'],
    }),
    dependencies: new ResourceService<Repos['dependencies'], S.CreateDependency, S.UpdateDependency, S.RegisterQuery, S.Dependency>({
      repo: repos.dependencies,
      parent: parent(dependencies.projectId),
      toApi: (row) => row,
      optional: ['owner', 'ownerEmail', 'mitigation', 'targetResolutionDate'],
    }),
    benefits: new ResourceService<Repos['benefits'], S.CreateBenefit, S.UpdateBenefit, S.RegisterQuery, S.Benefit>({
      repo: repos.benefits,
      parent: parent(benefits.projectId),
      toApi: (row) => row,
      optional: ['owner', 'ownerEmail', 'valueGbpThousands', 'targetDate'],
    }),
  };
};
