package gongkai.command.personal;

/** Destroys a case's data key (crypto-shredding): the port through which an erasure reaches the key table. */
public interface DataKeyShredder {

    /** Destroys the key in the current transaction; the key is forgotten in memory once it commits. */
    void destroyKeyOf(String caseId);
}
