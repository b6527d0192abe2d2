package gongkai.events.application;

import java.util.regex.Pattern;

/**
 * The shapes of the contact data gongkai takes: the applicant's on the public form, a clerk's for reminders, and
 * both again before a message is sent to them (docs/notices.md).
 */
public final class ContactFormats {

    /** Mainland mobile numbers: 11 digits from 13 to 19. Only these receive an SMS. */
    public static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    /** A mobile number or a landline with its area code. */
    public static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8}");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private ContactFormats() {
    }

    public static boolean isMobile(String phone) {
        return phone != null && MOBILE.matcher(phone.replace(" ", "")).matches();
    }

    public static boolean isEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email).matches();
    }
}
