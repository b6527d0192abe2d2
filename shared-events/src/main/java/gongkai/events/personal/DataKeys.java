package gongkai.events.personal;

import javax.crypto.SecretKey;

/**
 * The data keys of the data subjects: one per case, so that destroying one key erases one case's
 * personal data and nothing else (crypto-shredding, see docs/personal-data.md).
 */
public interface DataKeys {

    /** The key to encrypt the case's personal data with, created when the case has none yet; null once erased. */
    SecretKey forWriting(String caseId);

    /** The key to decrypt the case's personal data with; null once erased. */
    SecretKey forReading(String caseId);
}
