// What document builders need: data access, services, templates, the renderer and the clock.
import type { Renderer } from '../render/renderer.js';
import type { Templates } from '../render/templates.js';
import type { Repos } from '../db/repos/index.js';
import type { Services } from './services.js';

export interface DocumentContext {
  repos: Repos;
  services: Services;
  templates: Templates;
  renderer: Renderer;
  now: () => Date;
  ragMargin: number;
}
