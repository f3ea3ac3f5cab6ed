// Project and workstream rules: a project holding published reports cannot be deleted.
import { projects, workstreams } from '../../db/schema.js';
import { ConflictError } from '../../shared/errors.js';
import type { Repos } from '../../db/repos/index.js';
import { ResourceService } from '../resource-service.js';
import type {
  CreateProject,
  CreateWorkstream,
  Project,
  ProjectQuery,
  UpdateProject,
  UpdateWorkstream,
  Workstream,
  WorkstreamQuery,
} from './schemas.js';

export const createProjectsService = (repos: Repos) =>
  new ResourceService<Repos['projects'], CreateProject, UpdateProject, ProjectQuery, Project>({
    repo: repos.projects,
    parent: { repo: repos.plans, column: projects.planId, key: 'planId' },
    toApi: (row) => row,
    optional: ['author', 'gatewayStage', 'plannedEndDate', 'budget', 'approver'],
    guardDelete: async (current, tx) => {
      if ((await repos.highlightReports.countPublishedInProject(current.id, tx)) > 0) {
        throw new ConflictError('This project has published highlight reports, which are records and cannot be deleted.');
      }
    },
  });

export const createWorkstreamsService = (repos: Repos) =>
  new ResourceService<Repos['workstreams'], CreateWorkstream, UpdateWorkstream, WorkstreamQuery, Workstream>({
    repo: repos.workstreams,
    parent: { repo: repos.projects, column: workstreams.projectId, key: 'projectId' },
    toApi: (row) => row,
    optional: ['aim'],
  });
