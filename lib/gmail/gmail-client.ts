import "server-only";
// The official Node client, authorised with one access token. It never refreshes by itself (it has no
// refresh token): refreshing is lib/tokens' job, so that one refresh serves every concurrent request.
import { gmail, type gmail_v1 } from "@googleapis/gmail";
import { OAuth2Client } from "google-auth-library";
import { getConfig } from "../config";
import { gmailClientRetryConfig } from "./retry-policy";

export type GmailClient = gmail_v1.Gmail;

export function createGmailClient(accessToken: string): GmailClient {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: accessToken });
  return gmail({
    version: "v1",
    auth,
    rootUrl: getConfig().google.endpoints.gmailRoot,
    retryConfig: gmailClientRetryConfig,
    timeout: 15_000,
  });
}
