package gongkai.query.notices;

/** How a message goes: by e-mail (SMTP) or by SMS ({@link SmsSender}). */
public enum Channel {
    EMAIL, SMS
}
