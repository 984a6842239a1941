import { generateKeyPair, randomBytes, type KeyObject } from "node:crypto";
import { promisify } from "node:util";

const generateKeyPairAsync = promisify(generateKeyPair);

export interface ServiceAccount {
  email: string;
  keyId: string;
  publicKey: KeyObject;
  /** Holds `roles/riscconfigs.admin`; without it the stream API answers 403. */
  riscAdmin: boolean;
}

/** The JSON key file Google's console hands out, enough for google-auth-library's JWT client or a hand-made JWT. */
export interface ServiceAccountKeyFile {
  type: "service_account";
  project_id: string;
  private_key_id: string;
  private_key: string;
  client_email: string;
  client_id: string;
  token_uri: string;
}

/** Service accounts that may call the RISC stream management API; only their public keys are kept. */
export class ServiceAccounts {
  private readonly byKeyId = new Map<string, ServiceAccount>();

  async create(email: string, riscAdmin: boolean, tokenUri: string): Promise<ServiceAccountKeyFile> {
    const { privateKey, publicKey } = await generateKeyPairAsync("rsa", { modulusLength: 2048 });
    const keyId = randomBytes(20).toString("hex");
    this.byKeyId.set(keyId, { email, keyId, publicKey, riscAdmin });
    return {
      type: "service_account",
      project_id: email.split("@")[1]?.split(".")[0] ?? "mailroom-dev",
      private_key_id: keyId,
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      client_email: email,
      // Google's service account client ids are 21 digits.
      client_id: `1${Array.from(randomBytes(20), (b) => b % 10).join("")}`,
      token_uri: tokenUri,
    };
  }

  find(keyId: string): ServiceAccount | undefined {
    return this.byKeyId.get(keyId);
  }
}
