package gongkai.command.application;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The formats and check characters of the identity numbers an applicant gives: the resident identity card number
 * (GB 11643-1999: 17 digits, the 7th to 14th a date of birth, then a check character by ISO 7064 MOD 11-2) and the
 * unified social credit code of an organisation (GB 32100-2015: 18 characters, the last a check character MOD 31).
 * Each check answers the reason a number fails, in Chinese and English, or nothing.
 */
public final class IdentityNumbers {

    private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_CHECK = "10X98765432";
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdentityNumbers() {
    }

    /** Why {@code number} is not a resident identity card number born by {@code today}; empty when it is one. */
    public static Optional<String> residentIdProblem(String number, LocalDate today) {
        if (number == null || !number.matches("[0-9]{17}[0-9Xx]")) {
            return Optional.of("身份证号码应为 18 位，前 17 位为数字，最后一位为数字或 X (an ID number has 17 digits and a digit or X)");
        }
        try {
            LocalDate born = LocalDate.parse(number.substring(6, 14), BIRTH);
            if (born.isAfter(today) || born.isBefore(LocalDate.of(1900, 1, 1))) {
                return Optional.of("身份证号码中的出生日期不合理 (the date of birth in the ID number is impossible)");
            }
        } catch (DateTimeParseException e) {
            return Optional.of("身份证号码中的出生日期不存在 (the date of birth in the ID number does not exist)");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
        }
        if (Character.toUpperCase(number.charAt(17)) != RESIDENT_CHECK.charAt(sum % 11)) {
            return Optional.of("身份证号码校验位不正确，请核对 (the check character of the ID number is wrong)");
        }
        return Optional.empty();
    }

    /** Why {@code code} is not a unified social credit code; empty when it is one. */
    public static Optional<String> creditCodeProblem(String code) {
        if (code == null || !code.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
            return Optional.of("统一社会信用代码应为 18 位数字或大写字母 (a credit code has 18 digits or capital letters)");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARS.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        if (code.charAt(17) != CREDIT_CHARS.charAt(check)) {
            return Optional.of("统一社会信用代码校验位不正确，请核对 (the check character of the credit code is wrong)");
        }
        return Optional.empty();
    }
}
