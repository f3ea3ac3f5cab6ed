// The renderer's own refusals, answered as problems like every AppError: a document too large to print
// (over the HTML size limit before printing, or its renderer over the memory limit while printing).
import { AppError } from '../shared/errors.js';

export class DocumentTooLargeError extends AppError {
  constructor(detail: string, limit: { name: string; value: number; unit: string }) {
    super(422, 'document-too-large', 'Document too large to print', detail, { limit });
  }
}
