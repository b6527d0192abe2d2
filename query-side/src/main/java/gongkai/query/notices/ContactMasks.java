package gongkai.query.notices;

/**
 * How a message's recipient is written in the record of messages sent (docs/notices.md): enough to tell two
 * addresses apart, not enough to reach the person. Plain Java.
 */
public final class ContactMasks {

    private ContactMasks() {
    }

    /** {@code z***@example.com}: the first character of the local part, the domain. */
    public static String email(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "***" + address.substring(at);
    }

    /** {@code 139****5678}: the first three and the last four digits. */
    public static String phone(String number) {
        String digits = number.replace(" ", "");
        if (digits.length() < 8) {
            return "*".repeat(digits.length());
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
