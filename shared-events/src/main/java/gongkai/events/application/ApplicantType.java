package gongkai.events.application;

/** 申请人情况: the six applicant columns of table 三, in the order of the national form. */
public enum ApplicantType {
    NATURAL_PERSON("自然人"),
    COMMERCIAL_ENTERPRISE("法人或其他组织 · 商业企业"),
    RESEARCH_INSTITUTION("法人或其他组织 · 科研机构"),
    SOCIAL_WELFARE_ORGANIZATION("法人或其他组织 · 社会公益组织"),
    LEGAL_SERVICE_INSTITUTION("法人或其他组织 · 法律服务机构"),
    OTHER_ORGANIZATION("法人或其他组织 · 其他");

    private final String label;

    ApplicantType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
