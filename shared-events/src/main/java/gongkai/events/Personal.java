package gongkai.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of an event that may hold personal information (个人信息, Personal Information
 * Protection Law): free text a clerk writes (a request, a note, a reason) may name people. Such a
 * field is stored encrypted under the data key of the event's case and withheld from readers who do
 * not handle the case; a field whose type is {@link PersonalData} is treated the same without the mark.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface Personal {
}
