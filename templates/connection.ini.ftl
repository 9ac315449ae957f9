<#--
  config/connection.ini for Haraka 3.1+, written by `haraka-lint migrate`. The text is the file
  shipped with Haraka 3.3.4 (node_modules/Haraka/config/connection.ini), documented comments and
  all; a setting carried over from the v2 tree replaces the shipped line and says where it came from.
  Model: v = map "section.key" -> list of lines to write instead of the shipped line;
         extra = map section -> list of lines for keys the shipped file does not mention.
-->
<#macro put key shipped>
<#if v[key]??>
<#list v[key] as l>
${l}
</#list>
<#else>
${shipped}
</#if>
</#macro>
<#macro add key>
<#if v[key]??>
<#list v[key] as l>
${l}
</#list>
</#if>
</#macro>
<#macro extras section>
<#if extra[section]??>

<#list extra[section] as l>
${l}
</#list>
</#if>
</#macro>
; 
[main]

; Spooling
; Save memory by spooling large messages to disk
; directory to create temporary spool files in (default: /tmp - see https://github.com/haraka/message-stream)
<@put "main.spool_dir" "; spool_dir=/var/spool/haraka"/>
; Specify -1 to never spool to disk (default)
; Specify 0 to always spool to disk
; Otherwise specify a size in bytes, once reached the
; message will be spooled to disk to save memory.
<@put "main.spool_after" "; spool_after="/>

; Require senders to conform to RFC 1869 and RFC 821 when sending the MAIL FROM and RCPT TO commands. In particular, the inclusion of spurious spaces or missing angle brackets will be rejected.
<@put "main.strict_rfc1869" "; strict_rfc1869 = false"/>

; Liberal envelope parsing. See @haraka/email-address for what postel mode relaxes.
; postel = false

; Advertise support for SMTPUTF8 (RFC-6531)
<@put "main.smtputf8" "; smtputf8=true"/>
<@extras "main"/>


[haproxy]
; Bool: enable HAProxy PROXY protocol support and SMTPS pre-parsing.
; enabled=true

; Array: hosts or CIDRs that Haraka should enable the PROXY protocol from. See docs/HAProxy for format
<@put "haproxy.hosts" "hosts[] ="/>
; hosts[] = 192.0.2.4
; hosts[] = 192.0.2.5
; hosts[] = [2001:db8::1]
; hosts[] = [2001:db8::2]


[headers]
<@put "headers.add_received" "; add_received=true"/>
<@put "headers.clean_auth_results" "; clean_auth_results=true"/>

<@put "headers.show_version" "; show_version=true"/>

<@put "headers.max_lines" "max_lines=1000"/>

<@put "headers.max_received" "max_received=100"/>
<@extras "headers"/>


[max]
; Integer. The maximum SIZE of an email
<@put "max.bytes" "bytes=26214400"/>

; Integer. Limit a potential denial of service in potentially hostile emails.
<@put "max.mime_parts" "mime_parts=1000"/>

; Integer. The maximum length of lines in SMTP session commands (e.g. RCPT, HELO etc). Defaults to 512 (bytes) as mandated by RFC 5321 §4.5.3.1.4. Clients exceeding this limit will be immediately disconnected with a "521 Command line too long" error.
<@put "max.line_length" "line_length=512"/>

; Integer. The maximum length of lines in the DATA section of emails. Defaults to 992 (bytes), the limit set by Sendmail. When this limit is exceeded the three bytes "\r\n " (0x0d 0x0a 0x20) are inserted into the stream to "fix" it. This has the potential to "break" some email, but makes it more likely to be accepted by upstream/downstream services, and is the same behaviour as Sendmail. Also when the data line length limit is exceeded `transaction.notes.data_line_length_exceeded` is set to `true`.
<@put "max.data_line_length" "data_line_length=992"/>


[message]
; Array. The greeting used when a client connects.
; greeting[]=My Custom
; greeting[]=Greeting Message
<@add "message.greeting"/>

<@put "message.helo" "helo=Haraka is at your service."/>

; String. Override the default connection close message.
<@put "message.close" "close=closing connection. Have a jolly good day."/>


[uuid]
; integer, how many UUID chars to show.
; 0 = none, 6 is enough to be unique per day, 40 will include the
;     full connection and transaction UUID
<@put "uuid.banner_chars" "banner_chars=6"/>

; include N characters of the uuid (in brackets) at the start of each line of the deny message
<@put "uuid.deny_chars" "deny_chars=0"/>
