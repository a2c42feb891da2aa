/** Whether a Content-Type announces a multipart form (what forms and server actions send). */
export const isMultipartForm = (contentType: string | undefined) =>
  /^multipart\/form-data\b/i.test(contentType?.trim() ?? "");

/** Whether a body parses as the multipart form its Content-Type announces (the parser Next.js uses). */
export async function isWellFormedMultipart(contentType: string, body: Uint8Array): Promise<boolean> {
  try {
    await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    return true;
  } catch {
    return false;
  }
}
