// What every service is built with: the app's clock and the RAG margin.
export interface ServiceContext {
  now: () => Date;
  /** Percentage points an action may trail its time-based expected progress before it is at risk. */
  ragMargin: number;
}
