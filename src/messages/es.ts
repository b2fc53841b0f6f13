import type { Catalog } from './entries';
import { EXAMPLE_NUMBER, MASKED_EXAMPLE } from './examples';
import { counting } from './plural';

// Spanish, addressing the member as "tú" as Slack's own Spanish does. The SMS says "clave", not
// "código": it keeps the text within GSM-7 (no "ó"), so it stays one 160-character segment.

const { plural, duration, number, money, percent } = counting('es', {
  second: { one: '# segundo', other: '# segundos' },
  minute: { one: '# minuto', other: '# minutos' },
  hour: { one: '# hora', other: '# horas' },
});

export const es: Catalog = {
  'modal.title': 'Verifica tu teléfono',
  'modal.cancel': 'Cancelar',
  'modal.close': 'Cerrar',
  'button.start_again': 'Empezar de nuevo',
  'button.resend': 'Reenviar código',
  'button.other_number': 'Usar otro número',
  'button.call': 'Mejor llámame',

  'phone.intro':
    'Demuestra que este teléfono es tuyo: te enviaremos por SMS un código de un solo uso. Después escribe el código y tu perfil de Slack quedará marcado como *teléfono verificado*.',
  'phone.input_label': 'Número de móvil',
  'phone.placeholder': EXAMPLE_NUMBER,
  'phone.hint_local': ({ country }) => `En formato internacional (${EXAMPLE_NUMBER}) o un número local (${country}).`,
  'phone.hint_international': `Incluye el prefijo del país, p. ej., ${EXAMPLE_NUMBER}.`,
  'phone.note': `Pueden aplicarse las tarifas habituales de SMS. Tu número solo se muestra enmascarado, así: ${MASKED_EXAMPLE}.`,
  'phone.submit': 'Enviar código',
  'phone.empty': 'Escribe tu número de móvil.',
  'phone.too_long': 'Es demasiado largo para ser un número de teléfono.',
  'phone.unparseable': `Eso no parece un número de teléfono. Incluye el prefijo del país, p. ej., ${EXAMPLE_NUMBER}.`,
  'phone.invalid': 'Ese número de teléfono no es válido. Revisa los dígitos y el prefijo del país.',
  'phone.not_mobile': 'Parece un teléfono fijo. Escribe un número de móvil que pueda recibir SMS.',
  'phone.costly':
    'No podemos enviar códigos a números de tarificación adicional, gratuitos, de coste compartido ni de buscapersonas. Escribe tu número de móvil.',
  'phone.global_network':
    'No podemos enviar códigos a números por satélite ni de redes internacionales (+870, +881, +882, +883). Escribe un número de móvil de un país.',
  'phone.flow_taken': 'Este formulario ha caducado. Ciérralo y vuelve a ejecutar /verify-phone.',
  'phone.country_not_allowed': ({ countries }) =>
    `Solo se pueden enviar códigos a números de estos países: ${countries.join(', ')}.`,
  'number.taken':
    'Este número no se puede verificar para tu cuenta. Si es tuyo, pregunta a un administrador del espacio de trabajo.',

  'progress.sending': ({ maskedNumber }) => `Enviando un código a *${maskedNumber}*…`,
  'progress.calling': ({ maskedNumber }) => `Llamando a *${maskedNumber}* para dictarte un código…`,
  'progress.checking': 'Comprobando tu código…',

  'send.failed': ({ maskedNumber }) => `No hemos podido enviar un código a ${maskedNumber}.`,
  'send.rejected':
    'El servicio de SMS se ha negado a enviar a este número. Comprueba que es un número de móvil que puede recibir SMS.',
  'send.unavailable':
    'El servicio de SMS no responde en este momento. No se ha enviado nada. Inténtalo de nuevo en unos minutos.',
  'send.unconfirmed':
    'No hemos podido confirmar que el SMS se haya enviado. Si no te llega ningún código en un minuto, usa *Reenviar código*: los códigos anteriores dejarán de funcionar.',
  'send.gone': 'Esta verificación ya ha avanzado. Empieza de nuevo si todavía necesitas un código.',
  'send.rate_limited': ({ retryAfter }) =>
    `Se han pedido demasiados códigos. Inténtalo de nuevo dentro de ${duration(retryAfter)}.`,
  'send.may_have_arrived': ({ maskedNumber }) =>
    `El servicio de SMS aceptó el mensaje, así que puede que llegue un código a *${maskedNumber}*, pero no hemos podido terminar por nuestra parte. Si no te llega ningún código en un minuto, usa *Reenviar código* o empieza de nuevo.`,

  'code.prompt': ({ codeLength, maskedNumber, expiresIn }) =>
    `Escribe el código de ${codeLength} dígitos que hemos enviado a *${maskedNumber}*. Caduca ${duration(expiresIn)} después de enviarse.`,
  'code.prompt_voice': ({ codeLength, maskedNumber, expiresIn }) =>
    `Escribe el código de ${codeLength} dígitos que te hemos dictado al llamar a *${maskedNumber}*. Caduca ${duration(expiresIn)} después de la llamada.`,
  'code.input_label': ({ codeLength }) => `Código de ${codeLength} dígitos`,
  'code.submit': 'Verificar',
  'code.resend_after': ({ wait }) =>
    `¿No te ha llegado? Puedes pedir un código nuevo ${duration(wait)} después del último.`,
  'code.resend_now': '¿No te ha llegado? Pide un código nuevo.',
  'code.malformed': ({ codeLength }) => `Escribe los ${codeLength} dígitos del SMS, sin nada más.`,
  'code.rate_limited':
    'Demasiados códigos incorrectos por hoy. Inténtalo de nuevo mañana o pregunta a un administrador del espacio de trabajo.',
  'code.wrong': ({ attemptsLeft }) =>
    `Ese código no es correcto. ${plural(attemptsLeft, { one: 'Queda # intento', other: 'Quedan # intentos' })}.`,
  'code.lookup_failed':
    'No hemos podido comprobar tu código ahora mismo, y este intento no ha contado. Envíalo de nuevo.',

  'delivery.delivered': ({ maskedNumber }) => `Entregado a ${maskedNumber}.`,
  'delivery.not_delivered': ({ reason }) => `No se ha entregado: ${reason}. Comprueba el número o pide una llamada.`,
  'delivery.reason.expired': 'no se pudo contactar con el teléfono antes de que caducara el código',
  'delivery.reason.blocked': 'este número tiene bloqueados nuestros SMS',
  'delivery.reason.duplicate': 'el servicio de SMS lo retuvo por repetir un SMS anterior',
  'delivery.reason.no_route': 'el servicio de SMS no tiene ruta hacia este número',
  'delivery.reason.account': 'el servicio de SMS lo detuvo por un problema de nuestra parte',
  'delivery.reason.refused': 'la red telefónica lo rechazó',
  'delivery.reason.failed': 'la red telefónica no pudo entregarlo',
  'resend.cooldown': ({ wait }) => `Puedes pedir un código nuevo dentro de ${duration(wait)}.`,
  'resend.sent': 'Te hemos enviado un código nuevo. Los códigos anteriores ya no funcionan.',
  'resend.called': 'Te estamos llamando para dictarte un código nuevo. Los códigos anteriores ya no funcionan.',

  'flow.unknown_flow': 'Esta verificación no es tuya o ya no es válida.',
  'flow.expired': 'Este código ha caducado.',
  'flow.locked': 'Demasiados códigos incorrectos: este código ya no funciona.',
  'flow.already_verified': 'Este código ya se ha usado.',
  'flow.not_sent': 'Este código nunca se envió, así que no se puede comprobar.',
  'flow.start_again': 'Empieza de nuevo para recibir un código nuevo.',

  'verified.title': ({ maskedNumber }) => `${maskedNumber} está verificado.`,
  'verified.close': 'Ya puedes cerrar esta ventana.',
  'badge.set': 'Tu perfil de Slack ya muestra que tu teléfono está verificado.',
  'badge.not_configured':
    'Tu verificación ha quedado registrada, pero este espacio de trabajo no ha configurado el campo de perfil *Phone verified*, así que no se ha añadido ninguna insignia. Se ha avisado al administrador del espacio de trabajo.',
  'badge.transient':
    'Slack está ocupado en este momento: la insignia *Phone verified* aparecerá en tu perfil en breve.',
  'badge.refused':
    'Tu verificación ha quedado registrada, pero Slack no ha aceptado la actualización del perfil, así que no se ha añadido ninguna insignia. Se ha avisado al administrador del espacio de trabajo.',

  'home.title': 'Verificación del teléfono',
  'home.verified': ({ maskedNumber, date }) => `*Verificado:* ${maskedNumber}, el ${date}.`,
  'home.not_verified':
    'Todavía no has verificado ningún número de teléfono. Se tarda un minuto: te enviamos un código por SMS y lo escribes aquí.',
  'home.verify': 'Verificar mi número de teléfono',
  'home.verify_other': 'Verificar otro número',
  'home.badge.set': 'Tu perfil muestra la insignia *Phone verified*.',
  'home.badge.pending': 'Se está actualizando la insignia de tu perfil.',
  'home.badge.failed':
    'No se ha podido añadir la insignia a tu perfil; el administrador del espacio de trabajo puede solucionarlo.',
  'home.badge.not_configured':
    'Este espacio de trabajo no ha configurado el campo de perfil *Phone verified*, así que no se muestra ninguna insignia.',
  'home.activity_title': 'Actividad reciente (solo administradores)',
  'home.activity_empty': 'Todavía no hay actividad de verificación.',
  'home.reinstall_needed':
    '*Las insignias de perfil están desactivadas:* la app la instaló un miembro que no es administrador ni propietario del espacio de trabajo, así que no puede rellenar el campo *Phone verified*. Las verificaciones siguen funcionando. Un administrador o propietario debe reinstalar la app para activar las insignias.',

  'install.not_installed':
    'La verificación del teléfono aún no está instalada en este espacio de trabajo. Pide a un administrador del espacio de trabajo que instale la app.',

  'status.verified': ({ maskedNumber, date }) =>
    `Tu número de teléfono ${maskedNumber} está verificado desde el ${date}.`,
  'status.not_verified': 'No has verificado ningún número de teléfono. Ejecuta /verify-phone para hacerlo ahora.',

  'remove.confirm': ({ maskedNumber }) =>
    `¿Quitar la verificación de *${maskedNumber}*? La insignia *Phone verified* desaparecerá de tu perfil. Puedes volver a verificarlo cuando quieras.`,
  'remove.submit': 'Quitar',
  'remove.removing': 'Quitando tu verificación…',
  'remove.done': 'Se ha quitado la verificación de tu teléfono, y la insignia ya no aparece en tu perfil.',
  'remove.nothing': 'No tienes ninguna verificación de teléfono que quitar.',

  'help.intro': 'Comandos de la verificación del teléfono:',
  'help.start': 'verificar tu número de teléfono por SMS.',
  'help.status': 'si tu número está verificado, desde cuándo y si tu perfil muestra la insignia.',
  'help.remove': 'quitar tu verificación y la insignia del perfil.',
  'help.help': 'esta lista.',
  'help.unknown': ({ subcommand }) => `No existe el comando "${subcommand}".`,

  'dm.revoked':
    'La verificación de tu teléfono ha terminado porque ha cambiado el número de teléfono de tu perfil de Slack. Vuelve a verificarlo para recuperar la insignia *Phone verified*.',
  'dm.expired':
    'La verificación de tu teléfono ha caducado. Vuelve a verificarlo para mantener la insignia *Phone verified* en tu perfil.',
  'dm.verify_again': 'Verificar de nuevo',
  'dm.revoked_by_admin':
    'Un administrador del espacio de trabajo ha revocado la verificación de tu teléfono. Vuelve a verificarlo para recuperar la insignia *Phone verified*.',
  'dm.request': ({ requester }) =>
    `<@${requester}> te pide que verifiques tu número de teléfono. Tarda un minuto: te enviamos por SMS un código de un solo uso y tu perfil recibe la insignia *Phone verified*.`,
  'dm.request_button': 'Verificar mi teléfono',
  'dm.request_summary': ({ asked, skipped, failed }) =>
    `Tu solicitud de verificación ha terminado. Avisados: ${number(asked)}; omitidos por estar ya verificados: ${number(skipped)}; con error: ${number(failed)}.`,

  'admin.title': 'Consola de administración',
  'admin.figure.verified_members': 'Miembros verificados',
  'admin.figure.verified_recent': 'Verificados en las últimas 24 h / 7 días',
  'admin.figure.verified_recent_value': ({ day, week }) => `${number(day)} / ${number(week)}`,
  'admin.figure.codes_sent': 'Códigos enviados (7 días)',
  'admin.figure.codes_sent_value': ({ sms, calls }) =>
    `${number(sms)} por SMS, ${plural(calls, { one: '# llamada', other: '# llamadas' })}`,
  'admin.figure.conversion': 'Conversión (7 días)',
  'admin.figure.conversion_value': ({ ratio, verified, flows }) =>
    ratio === undefined
      ? 'todavía no se ha enviado ningún código'
      : `${percent(ratio)} (${number(verified)} verificados de ${plural(flows, { one: '# intento', other: '# intentos' })} con código enviado)`,
  'admin.figure.delivery_failures': 'Fallos de entrega (7 días)',
  'admin.figure.rate_limited': 'Rechazos por límite de envíos (7 días)',
  'admin.figure.refused_countries': 'Países rechazados (7 días)',
  'admin.figure.refused_countries_value': ({ refused }) =>
    refused.length === 0 ? 'ninguno' : refused.map(({ country, count }) => `${country} ${number(count)}`).join(', '),
  'admin.figure.spend': 'Gasto estimado (7 días)',
  'admin.figure.spend_value': ({ spend }) => spend.map(({ amount, currency }) => money(amount, currency)).join(' + '),
  'admin.figure.tags': 'Insignias del perfil',
  'admin.figure.tags_value': ({ pending, failed }) =>
    `${number(pending)} pendientes de reintento, ${number(failed)} fallidas`,
  'admin.limits': ({ limits }) =>
    `Límites: ${number(limits.sendsPerMemberPerHour)} códigos por hora por miembro, ${number(limits.sendsPerNumberPerHour)} por número, ${number(limits.sendsPerWorkspacePerHour)} por hora y ${number(limits.sendsPerWorkspacePerDay)} al día por espacio de trabajo; ${number(limits.failedChecksPerMemberPerDay)} códigos incorrectos al día por miembro.`,
  'admin.button.revoke': 'Revocar a un miembro…',
  'admin.button.request': 'Solicitar verificación…',
  'admin.button.export': 'Exportar CSV',
  'admin.button.retry_tags': 'Reintentar ahora',
  'admin.revoke.title': 'Revocar a un miembro',
  'admin.revoke.pick_label': 'Miembro',
  'admin.revoke.next': 'Siguiente',
  'admin.revoke.confirm': ({ userId, maskedNumber }) =>
    `¿Revocar la verificación de *${maskedNumber}* de <@${userId}>? Se quitará su insignia *Phone verified* y recibirá un mensaje directo que le pide que vuelva a verificarse.`,
  'admin.revoke.not_verified': ({ userId }) => `<@${userId}> no tiene ninguna verificación de teléfono vigente.`,
  'admin.revoke.submit': 'Revocar',
  'admin.revoke.working': 'Revocando…',
  'admin.revoke.done': ({ userId }) =>
    `Se ha revocado la verificación de <@${userId}>, se ha quitado la insignia y se le ha pedido que vuelva a verificarse.`,
  'admin.request.title': 'Solicitar verificación',
  'admin.request.intro':
    'Elige miembros, un canal o un grupo de usuarios. Cada miembro que aún no esté verificado recibirá un mensaje directo con un botón que abre la verificación.',
  'admin.request.members_label': 'Miembros',
  'admin.request.channel_label': 'Todos los miembros de un canal',
  'admin.request.group_label': 'Todos los miembros de un grupo de usuarios',
  'admin.request.submit': 'Enviar solicitudes',
  'admin.request.nothing_picked': 'Elige miembros, un canal o un grupo de usuarios.',
  'admin.request.working': 'Buscando a los miembros…',
  'admin.request.queued': ({ count }) =>
    `${plural(count, { one: '# miembro en cola', other: '# miembros en cola' })}. Los mensajes se envían de uno en uno y recibirás un resumen por mensaje directo cuando se hayan enviado todos.`,
  'admin.request.none_found': 'No se ha encontrado ningún miembro en lo que has elegido.',
  'admin.request.failed': 'No se ha podido obtener la lista de miembros. Inténtalo de nuevo en un minuto.',
  'admin.export.comment': ({ fullNumbers }) =>
    `Los registros de verificación y el registro de auditoría, en CSV. ${fullNumbers ? 'Los números aparecen completos: guarda estos archivos en un lugar seguro.' : 'Los números aparecen enmascarados.'}`,

  'workflow.request':
    'Un flujo de trabajo te pide que verifiques tu número de teléfono. Tarda un minuto: te enviamos un código por SMS.',
  'workflow.verify': 'Verificar mi teléfono',
  'workflow.not_now': 'Ahora no',
  'workflow.declined': 'De acuerdo, ahora no. El flujo de trabajo sabrá que no has verificado tu teléfono.',
  'workflow.error_declined': 'El miembro ha decidido no verificar su número de teléfono por ahora.',
  'workflow.error_timed_out': ({ hours }) =>
    `El miembro no verificó su número de teléfono en ${hours} ${hours === 1 ? 'hora' : 'horas'}.`,

  'error.internal': 'Algo ha fallado por nuestra parte y este paso no se ha completado.',
  'error.internal_next':
    'Usa *Empezar de nuevo* dentro de un minuto. Si sigue pasando, avisa a un administrador del espacio de trabajo.',

  'profile.badge_value': ({ maskedNumber, date }) => `${maskedNumber} (verificado el ${date})`,
  'profile.badge_alt': ({ date }) => `Verificado el ${date}`,

  'sms.code': ({ code, workspace, expiresIn }) =>
    `Tu clave de ${workspace ? `Slack ${workspace}` : 'Slack'} es ${code}. Caduca en ${duration(expiresIn)}. No la compartas con nadie.`,
  'voice.code': ({ digits, workspace, expiresIn }) =>
    `Tu código de verificación de ${workspace ? `Slack ${workspace}` : 'Slack'} es ${digits.join(', ')}. Repito: ${digits.join(', ')}. Caduca en ${duration(expiresIn)}.`,
};
