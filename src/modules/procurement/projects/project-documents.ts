// The documents of a project (tender documents, annexes): added or removed while the project is a
// draft; the tender notice publishes each with its SHA-256, so anyone can check the file they got is the
// one published. The files are public from the notice on.
import type { Ctx } from '../../../platform/context.js';
import { storeDocument, type StoredDocument } from '../../../platform/documents/documents.js';
import { AppError, conflict, notFound } from '../../../platform/errors.js';
import { deleteProjectDocument, documentsOf, insertProjectDocument } from './projects.repository.js';
import { projectKeptBy } from './project-access.js';

export const MAX_PROJECT_DOCUMENTS = 20;

export async function addProjectDocument(
  ctx: Ctx,
  projectId: string,
  input: { bytes: Buffer; name: string; expectedSha256?: string | undefined },
): Promise<StoredDocument> {
  const project = await projectKeptBy(ctx, projectId);
  if (project.status !== 'draft') throw conflict('notice_published', 'procurement.documentsFrozen');
  const existing = await documentsOf(ctx.trx, project.id);
  if (existing.length >= MAX_PROJECT_DOCUMENTS) {
    throw new AppError(422, 'too_many_documents', 'procurement.tooManyDocuments', {
      max: MAX_PROJECT_DOCUMENTS,
    });
  }
  const stored = await storeDocument(ctx, input);
  if (existing.some((d) => d.sha256 === stored.sha256)) {
    throw conflict('document_attached', 'procurement.documentTwice', {
      name: existing.find((d) => d.sha256 === stored.sha256)!.name,
    });
  }
  await insertProjectDocument(ctx.trx, {
    project_id: project.id,
    sha256: stored.sha256,
    name: stored.name,
    media_type: stored.mediaType,
    size: stored.size,
    added_at: ctx.now.toISOString(),
  });
  return stored;
}

export async function removeProjectDocument(ctx: Ctx, projectId: string, sha256: string): Promise<void> {
  const project = await projectKeptBy(ctx, projectId);
  if (project.status !== 'draft') throw conflict('notice_published', 'procurement.documentsFrozen');
  if ((await deleteProjectDocument(ctx.trx, project.id, sha256)) === 0)
    throw notFound('procurement.documentNotFound');
}
