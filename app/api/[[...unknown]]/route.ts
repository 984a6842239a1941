import { NextResponse } from "next/server";

// API clients get the contract's JSON envelope for unknown paths too, never Next's HTML 404 page.
function notFound(): NextResponse {
  return NextResponse.json({ error: { code: "not_found", message: "There is no such API endpoint." } }, { status: 404 });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
