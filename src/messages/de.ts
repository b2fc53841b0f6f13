import type { Catalog } from './entries';
import { EXAMPLE_NUMBER, MASKED_EXAMPLE } from './examples';
import { counting } from './plural';

// German, addressing the member as "du" as Slack's own German does.

const { plural, duration, number, money, percent } = counting('de', {
  second: { one: '# Sekunde', other: '# Sekunden' },
  minute: { one: '# Minute', other: '# Minuten' },
  hour: { one: '# Stunde', other: '# Stunden' },
});

export const de: Catalog = {
  'modal.title': 'Telefon verifizieren',
  'modal.cancel': 'Abbrechen',
  'modal.close': 'Schließen',
  'button.start_again': 'Neu beginnen',
  'button.resend': 'Code erneut senden',
  'button.other_number': 'Andere Nummer verwenden',
  'button.call': 'Lieber anrufen',

  'phone.intro':
    'Bestätige, dass dieses Telefon dir gehört: Wir schicken dir einen Einmalcode per SMS. Gib den Code danach ein, und dein Slack-Profil wird als *Telefon verifiziert* markiert.',
  'phone.input_label': 'Handynummer',
  'phone.placeholder': EXAMPLE_NUMBER,
  'phone.hint_local': ({ country }) =>
    `Internationales Format (${EXAMPLE_NUMBER}) oder eine lokale Nummer (${country}).`,
  'phone.hint_international': `Mit Ländervorwahl, z. B. ${EXAMPLE_NUMBER}.`,
  'phone.note': `Es können die üblichen SMS-Gebühren anfallen. Deine Nummer wird nur maskiert angezeigt, etwa ${MASKED_EXAMPLE}.`,
  'phone.submit': 'Code senden',
  'phone.empty': 'Gib deine Handynummer ein.',
  'phone.too_long': 'Das ist zu lang für eine Telefonnummer.',
  'phone.unparseable': `Das sieht nicht nach einer Telefonnummer aus. Gib die Ländervorwahl mit an, z. B. ${EXAMPLE_NUMBER}.`,
  'phone.invalid': 'Das ist keine gültige Telefonnummer. Prüfe die Ziffern und die Ländervorwahl.',
  'phone.not_mobile': 'Das sieht nach einem Festnetzanschluss aus. Gib eine Handynummer ein, die SMS empfangen kann.',
  'phone.costly':
    'An Premium-, gebührenfreie, Shared-Cost- oder Pager-Nummern können wir keine Codes senden. Gib deine Handynummer ein.',
  'phone.global_network':
    'An Satelliten- und internationale Netznummern (+870, +881, +882, +883) können wir keine Codes senden. Gib eine Handynummer aus einem Land ein.',
  'phone.flow_taken': 'Dieses Formular ist abgelaufen. Schließe es und führe /verify-phone erneut aus.',
  'phone.country_not_allowed': ({ countries }) =>
    `Codes können nur an Nummern aus diesen Ländern gesendet werden: ${countries.join(', ')}.`,
  'number.taken':
    'Diese Nummer kann für dein Konto nicht verifiziert werden. Wenn sie dir gehört, wende dich an einen Workspace-Admin.',

  'progress.sending': ({ maskedNumber }) => `Code wird an *${maskedNumber}* gesendet …`,
  'progress.calling': ({ maskedNumber }) => `*${maskedNumber}* wird angerufen, um dir einen Code vorzulesen …`,
  'progress.checking': 'Dein Code wird geprüft …',

  'send.failed': ({ maskedNumber }) => `Wir konnten keinen Code an ${maskedNumber} senden.`,
  'send.rejected':
    'Der SMS-Dienst hat das Senden an diese Nummer abgelehnt. Prüfe, ob es eine Handynummer ist, die SMS empfangen kann.',
  'send.unavailable':
    'Der SMS-Dienst antwortet gerade nicht. Es wurde nichts gesendet. Versuche es in ein paar Minuten erneut.',
  'send.unconfirmed':
    'Wir konnten nicht bestätigen, dass die SMS gesendet wurde. Wenn innerhalb einer Minute kein Code ankommt, nutze *Code erneut senden*: Frühere Codes funktionieren dann nicht mehr.',
  'send.gone': 'Diese Verifizierung ist schon weiter. Beginne neu, wenn du noch einen Code brauchst.',
  'send.rate_limited': ({ retryAfter }) =>
    `Es wurden zu viele Codes angefordert. Versuche es in ${duration(retryAfter)} erneut.`,
  'send.may_have_arrived': ({ maskedNumber }) =>
    `Der SMS-Dienst hat die Nachricht angenommen, daher kann ein Code an *${maskedNumber}* ankommen, aber wir konnten auf unserer Seite nicht abschließen. Wenn innerhalb einer Minute kein Code ankommt, nutze *Code erneut senden* oder beginne neu.`,

  'code.prompt': ({ codeLength, maskedNumber, expiresIn }) =>
    `Gib den ${codeLength}-stelligen Code ein, den wir an *${maskedNumber}* gesendet haben. Er läuft ${duration(expiresIn)} nach dem Senden ab.`,
  'code.prompt_voice': ({ codeLength, maskedNumber, expiresIn }) =>
    `Gib den ${codeLength}-stelligen Code ein, den wir dir beim Anruf auf *${maskedNumber}* vorgelesen haben. Er läuft ${duration(expiresIn)} nach dem Anruf ab.`,
  'code.input_label': ({ codeLength }) => `${codeLength}-stelliger Code`,
  'code.submit': 'Verifizieren',
  'code.resend_after': ({ wait }) =>
    `Nichts angekommen? Du kannst ${duration(wait)} nach dem letzten Code einen neuen anfordern.`,
  'code.resend_now': 'Nichts angekommen? Fordere einen neuen Code an.',
  'code.malformed': ({ codeLength }) => `Gib die ${codeLength} Ziffern aus der SMS ein, sonst nichts.`,
  'code.rate_limited':
    'Heute wurden zu viele falsche Codes eingegeben. Versuche es morgen erneut oder wende dich an einen Workspace-Admin.',
  'code.wrong': ({ attemptsLeft }) =>
    `Dieser Code ist falsch. ${plural(attemptsLeft, { one: 'Noch # Versuch', other: 'Noch # Versuche' })}.`,
  'code.lookup_failed':
    'Wir konnten deinen Code gerade nicht prüfen; dieser Versuch wurde nicht gezählt. Sende ihn noch einmal.',

  'delivery.delivered': ({ maskedNumber }) => `Zugestellt an ${maskedNumber}.`,
  'delivery.not_delivered': ({ reason }) =>
    `Nicht zugestellt: ${reason}. Prüfe die Nummer oder lass dich stattdessen anrufen.`,
  'delivery.reason.expired': 'das Telefon war nicht erreichbar, bevor der Code abgelaufen ist',
  'delivery.reason.blocked': 'diese Nummer ist für unsere SMS gesperrt',
  'delivery.reason.duplicate': 'der SMS-Dienst hat sie als Wiederholung einer früheren SMS zurückgehalten',
  'delivery.reason.no_route': 'der SMS-Dienst hat keinen Weg zu dieser Nummer',
  'delivery.reason.account': 'der SMS-Dienst hat sie auf unserer Seite gestoppt',
  'delivery.reason.refused': 'das Mobilfunknetz hat sie abgelehnt',
  'delivery.reason.failed': 'das Mobilfunknetz konnte sie nicht zustellen',
  'resend.cooldown': ({ wait }) => `Du kannst in ${duration(wait)} einen neuen Code anfordern.`,
  'resend.sent': 'Wir haben einen neuen Code gesendet. Frühere Codes funktionieren nicht mehr.',
  'resend.called': 'Wir rufen dich an und lesen dir einen neuen Code vor. Frühere Codes funktionieren nicht mehr.',

  'flow.unknown_flow': 'Diese Verifizierung gehört nicht dir oder ist nicht mehr gültig.',
  'flow.expired': 'Dieser Code ist abgelaufen.',
  'flow.locked': 'Zu viele falsche Codes: Dieser Code funktioniert nicht mehr.',
  'flow.already_verified': 'Dieser Code wurde bereits verwendet.',
  'flow.not_sent': 'Dieser Code wurde nie gesendet und kann daher nicht geprüft werden.',
  'flow.start_again': 'Beginne neu, um einen neuen Code zu erhalten.',

  'verified.title': ({ maskedNumber }) => `${maskedNumber} ist verifiziert.`,
  'verified.close': 'Du kannst dieses Fenster schließen.',
  'badge.set': 'Dein Slack-Profil zeigt jetzt, dass dein Telefon verifiziert ist.',
  'badge.not_configured':
    'Deine Verifizierung ist gespeichert, aber dieser Workspace hat das Profilfeld *Phone verified* nicht eingerichtet, daher wurde kein Abzeichen hinzugefügt. Dein Workspace-Admin wurde informiert.',
  'badge.transient':
    'Slack ist gerade ausgelastet: Das Abzeichen *Phone verified* erscheint in Kürze in deinem Profil.',
  'badge.refused':
    'Deine Verifizierung ist gespeichert, aber Slack hat die Profiländerung nicht angenommen, daher wurde kein Abzeichen hinzugefügt. Dein Workspace-Admin wurde informiert.',

  'home.title': 'Telefonverifizierung',
  'home.verified': ({ maskedNumber, date }) => `*Verifiziert:* ${maskedNumber}, am ${date}.`,
  'home.not_verified':
    'Du hast noch keine Telefonnummer verifiziert. Es dauert eine Minute: Wir schicken dir einen Code per SMS, und du gibst ihn ein.',
  'home.verify': 'Meine Telefonnummer verifizieren',
  'home.verify_other': 'Andere Nummer verifizieren',
  'home.badge.set': 'Dein Profil zeigt das Abzeichen *Phone verified*.',
  'home.badge.pending': 'Dein Profilabzeichen wird gerade aktualisiert.',
  'home.badge.failed': 'Dein Profilabzeichen konnte nicht gesetzt werden; dein Workspace-Admin kann das beheben.',
  'home.badge.not_configured':
    'Dieser Workspace hat das Profilfeld *Phone verified* nicht eingerichtet, daher wird kein Abzeichen angezeigt.',
  'home.activity_title': 'Letzte Aktivitäten (nur Admins)',
  'home.activity_empty': 'Noch keine Verifizierungsaktivität.',
  'home.reinstall_needed':
    '*Profilabzeichen sind deaktiviert:* Die App wurde von einem Mitglied installiert, das weder Admin noch Inhaber des Workspace ist, daher kann sie das Feld *Phone verified* nicht setzen. Verifizierungen funktionieren weiterhin. Ein Admin oder Inhaber sollte die App neu installieren, um Abzeichen zu aktivieren.',

  'install.not_installed':
    'Die Telefonverifizierung ist in diesem Workspace noch nicht installiert. Bitte einen Workspace-Admin, die App zu installieren.',

  'status.verified': ({ maskedNumber, date }) => `Deine Telefonnummer ${maskedNumber} ist seit ${date} verifiziert.`,
  'status.not_verified': 'Du hast keine Telefonnummer verifiziert. Führe /verify-phone aus, um das jetzt zu tun.',

  'remove.confirm': ({ maskedNumber }) =>
    `Verifizierung von *${maskedNumber}* entfernen? Das Abzeichen *Phone verified* wird aus deinem Profil entfernt. Du kannst jederzeit erneut verifizieren.`,
  'remove.submit': 'Entfernen',
  'remove.removing': 'Deine Verifizierung wird entfernt …',
  'remove.done': 'Deine Telefonverifizierung ist entfernt, und das Abzeichen wurde aus deinem Profil gelöscht.',
  'remove.nothing': 'Du hast keine Telefonverifizierung, die entfernt werden könnte.',

  'help.intro': 'Befehle der Telefonverifizierung:',
  'help.start': 'deine Telefonnummer per SMS verifizieren.',
  'help.status': 'ob deine Nummer verifiziert ist, seit wann und ob dein Profil das Abzeichen zeigt.',
  'help.remove': 'deine Verifizierung und das Profilabzeichen entfernen.',
  'help.help': 'diese Liste.',
  'help.unknown': ({ subcommand }) => `Den Befehl „${subcommand}“ gibt es nicht.`,

  'dm.revoked':
    'Deine Telefonverifizierung ist beendet, weil sich die Telefonnummer in deinem Slack-Profil geändert hat. Verifiziere erneut, um das Abzeichen *Phone verified* zurückzubekommen.',
  'dm.expired':
    'Deine Telefonverifizierung ist abgelaufen. Verifiziere erneut, damit das Abzeichen *Phone verified* in deinem Profil bleibt.',
  'dm.verify_again': 'Erneut verifizieren',
  'dm.revoked_by_admin':
    'Ein Workspace-Admin hat deine Telefonverifizierung widerrufen. Verifiziere erneut, um das Abzeichen *Phone verified* zurückzubekommen.',
  'dm.request': ({ requester }) =>
    `<@${requester}> bittet dich, deine Telefonnummer zu verifizieren. Das dauert eine Minute: Wir schicken dir einen Einmalcode per SMS, und dein Profil bekommt das Abzeichen *Phone verified*.`,
  'dm.request_button': 'Mein Telefon verifizieren',
  'dm.request_summary': ({ asked, skipped, failed }) =>
    `Deine Verifizierungsanfrage ist abgeschlossen. Angefragt: ${number(asked)}; übersprungen, weil schon verifiziert: ${number(skipped)}; fehlgeschlagen: ${number(failed)}.`,

  'admin.title': 'Admin-Konsole',
  'admin.figure.verified_members': 'Verifizierte Mitglieder',
  'admin.figure.verified_recent': 'Verifiziert in den letzten 24 h / 7 Tagen',
  'admin.figure.verified_recent_value': ({ day, week }) => `${number(day)} / ${number(week)}`,
  'admin.figure.codes_sent': 'Gesendete Codes (7 Tage)',
  'admin.figure.codes_sent_value': ({ sms, calls }) =>
    `${number(sms)} per SMS, ${plural(calls, { one: '# Anruf', other: '# Anrufe' })}`,
  'admin.figure.conversion': 'Konversion (7 Tage)',
  'admin.figure.conversion_value': ({ ratio, verified, flows }) =>
    ratio === undefined
      ? 'noch keine Codes gesendet'
      : `${percent(ratio)} (${number(verified)} verifiziert von ${plural(flows, { one: '# Vorgang', other: '# Vorgängen' })} mit gesendetem Code)`,
  'admin.figure.delivery_failures': 'Zustellfehler (7 Tage)',
  'admin.figure.rate_limited': 'Wegen Limits abgelehnt (7 Tage)',
  'admin.figure.refused_countries': 'Abgelehnte Länder (7 Tage)',
  'admin.figure.refused_countries_value': ({ refused }) =>
    refused.length === 0 ? 'keine' : refused.map(({ country, count }) => `${country} ${number(count)}`).join(', '),
  'admin.figure.spend': 'Geschätzte Kosten (7 Tage)',
  'admin.figure.spend_value': ({ spend }) => spend.map(({ amount, currency }) => money(amount, currency)).join(' + '),
  'admin.figure.tags': 'Profilabzeichen',
  'admin.figure.tags_value': ({ pending, failed }) =>
    `${number(pending)} warten auf einen neuen Versuch, ${number(failed)} fehlgeschlagen`,
  'admin.limits': ({ limits }) =>
    `Limits: ${number(limits.sendsPerMemberPerHour)} Codes pro Stunde je Mitglied, ${number(limits.sendsPerNumberPerHour)} je Nummer, ${number(limits.sendsPerWorkspacePerHour)} pro Stunde und ${number(limits.sendsPerWorkspacePerDay)} pro Tag je Workspace; ${number(limits.failedChecksPerMemberPerDay)} falsche Codes pro Tag je Mitglied.`,
  'admin.button.revoke': 'Verifizierung widerrufen…',
  'admin.button.request': 'Verifizierung anfragen…',
  'admin.button.export': 'CSV exportieren',
  'admin.button.retry_tags': 'Jetzt erneut versuchen',
  'admin.revoke.title': 'Verifizierung widerrufen',
  'admin.revoke.pick_label': 'Mitglied',
  'admin.revoke.next': 'Weiter',
  'admin.revoke.confirm': ({ userId, maskedNumber }) =>
    `Die Verifizierung von *${maskedNumber}* für <@${userId}> widerrufen? Das Abzeichen *Phone verified* wird entfernt, und das Mitglied bekommt eine Direktnachricht mit der Bitte, erneut zu verifizieren.`,
  'admin.revoke.not_verified': ({ userId }) => `<@${userId}> hat derzeit keine Telefonverifizierung.`,
  'admin.revoke.submit': 'Widerrufen',
  'admin.revoke.working': 'Wird widerrufen…',
  'admin.revoke.done': ({ userId }) =>
    `Die Verifizierung von <@${userId}> ist widerrufen, das Abzeichen entfernt, und das Mitglied wurde gebeten, erneut zu verifizieren.`,
  'admin.request.title': 'Verifizierung anfragen',
  'admin.request.intro':
    'Wähle Mitglieder, einen Channel oder eine Benutzergruppe. Jedes Mitglied, das noch nicht verifiziert ist, bekommt eine Direktnachricht mit einem Button, der die Verifizierung öffnet.',
  'admin.request.members_label': 'Mitglieder',
  'admin.request.channel_label': 'Alle in einem Channel',
  'admin.request.group_label': 'Alle in einer Benutzergruppe',
  'admin.request.submit': 'Anfragen senden',
  'admin.request.nothing_picked': 'Wähle Mitglieder, einen Channel oder eine Benutzergruppe.',
  'admin.request.working': 'Mitglieder werden gesucht…',
  'admin.request.queued': ({ count }) =>
    `${plural(count, { one: '# Mitglied', other: '# Mitglieder' })} in der Warteschlange. Die Nachrichten gehen einzeln raus, und du bekommst eine Zusammenfassung per Direktnachricht, wenn alle verschickt sind.`,
  'admin.request.none_found': 'In deiner Auswahl wurden keine Mitglieder gefunden.',
  'admin.request.failed': 'Die Mitglieder konnten nicht aufgelistet werden. Versuch es in einer Minute noch einmal.',
  'admin.export.comment': ({ fullNumbers }) =>
    `Die Verifizierungsdatensätze und das Audit-Log als CSV. ${fullNumbers ? 'Die Nummern sind vollständig: Bewahre diese Dateien sicher auf.' : 'Die Nummern sind maskiert.'}`,

  'workflow.request':
    'Ein Workflow bittet dich, deine Telefonnummer zu verifizieren. Das dauert eine Minute: Wir schicken dir einen Code per SMS.',
  'workflow.verify': 'Mein Telefon verifizieren',
  'workflow.not_now': 'Jetzt nicht',
  'workflow.declined': 'Alles klar, jetzt nicht. Der Workflow erfährt, dass du nicht verifiziert hast.',
  'workflow.error_declined': 'Das Mitglied hat sich entschieden, seine Telefonnummer jetzt nicht zu verifizieren.',
  'workflow.error_timed_out': ({ hours }) =>
    `Das Mitglied hat seine Telefonnummer nicht innerhalb von ${hours} ${hours === 1 ? 'Stunde' : 'Stunden'} verifiziert.`,

  'error.internal': 'Auf unserer Seite ist etwas schiefgelaufen, und dieser Schritt wurde nicht abgeschlossen.',
  'error.internal_next':
    'Nutze in einer Minute *Neu beginnen*. Wenn es weiterhin passiert, wende dich an einen Workspace-Admin.',

  'profile.badge_value': ({ maskedNumber, date }) => `${maskedNumber} (verifiziert am ${date})`,
  'profile.badge_alt': ({ date }) => `Verifiziert am ${date}`,

  'sms.code': ({ code, workspace, expiresIn }) =>
    `Dein Slack-Bestätigungscode${workspace ? ` für ${workspace}` : ''} lautet ${code}. Er ist ${duration(expiresIn)} gültig. Gib ihn an niemanden weiter.`,
  'voice.code': ({ digits, workspace, expiresIn }) =>
    `Dein Slack-Bestätigungscode${workspace ? ` für ${workspace}` : ''} lautet ${digits.join(', ')}. Noch einmal: ${digits.join(', ')}. Er ist ${duration(expiresIn)} gültig.`,
};
