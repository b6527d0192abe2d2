package gongkai.events.application;

/**
 * Why an applicant's personal data is erased: the grounds of 个人信息保护法 第四十七条 (the purpose is
 * achieved, the retention period expired, consent withdrawn, the processing no longer lawful) or another.
 */
public enum ErasureBasis {
    PURPOSE_ACHIEVED("处理目的已实现"),
    RETENTION_EXPIRED("保存期限已届满"),
    CONSENT_WITHDRAWN("个人撤回同意"),
    UNLAWFUL("违反法律、行政法规或者约定处理"),
    OTHER("其他");

    private final String label;

    ErasureBasis(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
