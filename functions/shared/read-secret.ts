import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/**
 * A secret's string as Secrets Manager returns it; `text` is undefined for a binary secret. A failure carries
 * the AWS error's class name only: its message may quote the request, and no caller may repeat the secret.
 */
export type SecretStringResult = { readonly ok: true; readonly text: string | undefined } | { readonly ok: false; readonly errorName: string };

/** One GetSecretValue call by ARN, aborted by `signal`; it never rejects. */
export async function readSecretString(client: Pick<SecretsManagerClient, 'send'>, secretArn: string, signal?: AbortSignal): Promise<SecretStringResult> {
  try {
    const output = await client.send(new GetSecretValueCommand({ SecretId: secretArn }), signal ? { abortSignal: signal } : {});
    return { ok: true, text: output.SecretString };
  } catch (error) {
    return { ok: false, errorName: error instanceof Error ? error.name : 'Error' };
  }
}
