import type { Catalog } from './entries';
import { EXAMPLE_NUMBER, MASKED_EXAMPLE } from './examples';
import { counting } from './plural';

// French, addressing the member as "vous". A no-break space (\u00a0) keeps ":", "?" from starting a line.

const { plural, duration, number, money, percent } = counting('fr', {
  second: { one: '# seconde', other: '# secondes' },
  minute: { one: '# minute', other: '# minutes' },
  hour: { one: '# heure', other: '# heures' },
});

export const fr: Catalog = {
  'modal.title': 'Vérifier votre numéro',
  'modal.cancel': 'Annuler',
  'modal.close': 'Fermer',
  'button.start_again': 'Recommencer',
  'button.resend': 'Renvoyer le code',
  'button.other_number': 'Utiliser un autre numéro',
  'button.call': 'Appelez-moi plutôt',

  'phone.intro':
    'Prouvez que ce téléphone est bien le vôtre\u00a0: nous allons y envoyer un code à usage unique par SMS. Saisissez ensuite ce code, et votre profil Slack sera marqué *téléphone vérifié*.',
  'phone.input_label': 'Numéro de mobile',
  'phone.placeholder': EXAMPLE_NUMBER,
  'phone.hint_local': ({ country }) => `Au format international (${EXAMPLE_NUMBER}) ou un numéro local (${country}).`,
  'phone.hint_international': `Indiquez l'indicatif du pays, par ex. ${EXAMPLE_NUMBER}.`,
  'phone.note': `Le tarif habituel des SMS peut s'appliquer. Votre numéro n'est affiché que masqué, comme ${MASKED_EXAMPLE}.`,
  'phone.submit': 'Envoyer le code',
  'phone.empty': 'Saisissez votre numéro de mobile.',
  'phone.too_long': "C'est trop long pour un numéro de téléphone.",
  'phone.unparseable': `Cela ne ressemble pas à un numéro de téléphone. Indiquez l'indicatif du pays, par ex. ${EXAMPLE_NUMBER}.`,
  'phone.invalid': "Ce numéro de téléphone n'est pas valide. Vérifiez les chiffres et l'indicatif du pays.",
  'phone.not_mobile': 'Cela ressemble à une ligne fixe. Saisissez un numéro de mobile qui peut recevoir des SMS.',
  'phone.costly':
    'Nous ne pouvons pas envoyer de code aux numéros surtaxés, gratuits, à coûts partagés ou de radiomessagerie. Saisissez votre numéro de mobile.',
  'phone.global_network':
    "Nous ne pouvons pas envoyer de code aux numéros satellites ou de réseaux internationaux (+870, +881, +882, +883). Saisissez le numéro de mobile d'un pays.",
  'phone.flow_taken': 'Ce formulaire a expiré. Fermez-le et relancez /verify-phone.',
  'phone.country_not_allowed': ({ countries }) =>
    `Les codes ne peuvent être envoyés qu'à des numéros de ces pays\u00a0: ${countries.join(', ')}.`,
  'number.taken':
    "Ce numéro ne peut pas être vérifié pour votre compte. S'il est à vous, adressez-vous à un administrateur de l'espace de travail.",

  'progress.sending': ({ maskedNumber }) => `Envoi d'un code au *${maskedNumber}*…`,
  'progress.calling': ({ maskedNumber }) => `Nous appelons le *${maskedNumber}* pour vous dicter un code…`,
  'progress.checking': 'Vérification de votre code…',

  'send.failed': ({ maskedNumber }) => `Nous n'avons pas pu envoyer de code au ${maskedNumber}.`,
  'send.rejected':
    "Le service SMS a refusé d'envoyer un message à ce numéro. Vérifiez qu'il s'agit d'un numéro de mobile qui peut recevoir des SMS.",
  'send.unavailable':
    "Le service SMS ne répond pas pour le moment. Rien n'a été envoyé. Réessayez dans quelques minutes.",
  'send.unconfirmed':
    "Nous n'avons pas pu confirmer l'envoi du SMS. Si aucun code n'arrive d'ici une minute, utilisez *Renvoyer le code*\u00a0: tout code précédent cessera de fonctionner.",
  'send.gone': "Cette vérification a déjà avancé. Recommencez si vous avez encore besoin d'un code.",
  'send.rate_limited': ({ retryAfter }) => `Trop de codes ont été demandés. Réessayez dans ${duration(retryAfter)}.`,
  'send.may_have_arrived': ({ maskedNumber }) =>
    `Le service SMS a accepté le message, un code peut donc arriver au *${maskedNumber}*, mais nous n'avons pas pu terminer de notre côté. Si aucun code n'arrive d'ici une minute, utilisez *Renvoyer le code*, ou recommencez.`,

  'code.prompt': ({ codeLength, maskedNumber, expiresIn }) =>
    `Saisissez le code à ${codeLength} chiffres envoyé au *${maskedNumber}*. Il expire ${duration(expiresIn)} après son envoi.`,
  'code.prompt_voice': ({ codeLength, maskedNumber, expiresIn }) =>
    `Saisissez le code à ${codeLength} chiffres que nous vous avons dicté en appelant le *${maskedNumber}*. Il expire ${duration(expiresIn)} après l'appel.`,
  'code.input_label': ({ codeLength }) => `Code à ${codeLength} chiffres`,
  'code.submit': 'Vérifier',
  'code.resend_after': ({ wait }) =>
    `Rien reçu\u00a0? Vous pouvez demander un nouveau code ${duration(wait)} après le précédent.`,
  'code.resend_now': 'Rien reçu\u00a0? Demandez un nouveau code.',
  'code.malformed': ({ codeLength }) => `Saisissez les ${codeLength} chiffres du SMS, sans rien d'autre.`,
  'code.rate_limited':
    "Trop de codes erronés aujourd'hui. Réessayez demain, ou adressez-vous à un administrateur de l'espace de travail.",
  'code.wrong': ({ attemptsLeft }) =>
    `Ce code n'est pas le bon. ${plural(attemptsLeft, { one: 'Il reste # tentative', other: 'Il reste # tentatives' })}.`,
  'code.lookup_failed':
    "Nous n'avons pas pu vérifier votre code pour l'instant, et cet essai n'a pas été compté. Envoyez-le à nouveau.",

  'delivery.delivered': ({ maskedNumber }) => `Remis au ${maskedNumber}.`,
  'delivery.not_delivered': ({ reason }) =>
    `Non remis\u00a0: ${reason}. Vérifiez le numéro, ou demandez plutôt un appel.`,
  'delivery.reason.expired': "le téléphone n'a pas pu être joint avant l'expiration du code",
  'delivery.reason.blocked': 'ce numéro ne peut pas recevoir nos SMS',
  'delivery.reason.duplicate': "le service SMS l'a retenu comme répétition d'un SMS précédent",
  'delivery.reason.no_route': 'le service SMS ne peut pas acheminer de message vers ce numéro',
  'delivery.reason.account': "le service SMS l'a bloqué de notre côté",
  'delivery.reason.refused': "le réseau téléphonique l'a refusé",
  'delivery.reason.failed': "le réseau téléphonique n'a pas pu le remettre",
  'resend.cooldown': ({ wait }) => `Vous pourrez demander un nouveau code dans ${duration(wait)}.`,
  'resend.sent': 'Nous avons envoyé un nouveau code. Les codes précédents ne fonctionnent plus.',
  'resend.called': 'Nous vous appelons pour vous dicter un nouveau code. Les codes précédents ne fonctionnent plus.',

  'flow.unknown_flow': "Cette vérification n'est pas la vôtre ou n'est plus valide.",
  'flow.expired': 'Ce code a expiré.',
  'flow.locked': 'Trop de codes erronés\u00a0: ce code ne fonctionne plus.',
  'flow.already_verified': 'Ce code a déjà été utilisé.',
  'flow.not_sent': "Ce code n'a jamais été envoyé, il ne peut donc pas être vérifié.",
  'flow.start_again': 'Recommencez pour recevoir un nouveau code.',

  'verified.title': ({ maskedNumber }) => `Le ${maskedNumber} est vérifié.`,
  'verified.close': 'Vous pouvez fermer cette fenêtre.',
  'badge.set': 'Votre profil Slack indique désormais que votre téléphone est vérifié.',
  'badge.not_configured':
    "Votre vérification est enregistrée, mais cet espace de travail n'a pas configuré le champ de profil *Phone verified*\u00a0: aucun badge n'a donc été ajouté. L'administrateur de votre espace de travail a été prévenu.",
  'badge.transient':
    'Slack est très sollicité en ce moment\u00a0: le badge *Phone verified* apparaîtra bientôt sur votre profil.',
  'badge.refused':
    "Votre vérification est enregistrée, mais Slack n'a pas accepté la mise à jour du profil\u00a0: aucun badge n'a donc été ajouté. L'administrateur de votre espace de travail a été prévenu.",

  'home.title': 'Vérification du téléphone',
  'home.verified': ({ maskedNumber, date }) => `*Vérifié\u00a0:* ${maskedNumber}, le ${date}.`,
  'home.not_verified':
    "Vous n'avez pas encore vérifié de numéro de téléphone. Cela prend une minute\u00a0: nous vous envoyons un code par SMS, et vous le saisissez.",
  'home.verify': 'Vérifier mon numéro de téléphone',
  'home.verify_other': 'Vérifier un autre numéro',
  'home.badge.set': 'Votre profil affiche le badge *Phone verified*.',
  'home.badge.pending': 'Le badge de votre profil est en cours de mise à jour.',
  'home.badge.failed':
    "Le badge de votre profil n'a pas pu être ajouté\u00a0; l'administrateur de votre espace de travail peut corriger cela.",
  'home.badge.not_configured':
    "Cet espace de travail n'a pas configuré le champ de profil *Phone verified*\u00a0: aucun badge n'est donc affiché.",
  'home.activity_title': 'Activité récente (administrateurs uniquement)',
  'home.activity_empty': 'Aucune activité de vérification pour le moment.',
  'home.reinstall_needed':
    "*Les badges de profil sont désactivés\u00a0:* l'app a été installée par un membre qui n'est ni administrateur ni propriétaire de l'espace de travail, elle ne peut donc pas remplir le champ *Phone verified*. Les vérifications fonctionnent toujours. Un administrateur ou un propriétaire doit réinstaller l'app pour activer les badges.",

  'install.not_installed':
    "La vérification du téléphone n'est pas encore installée dans cet espace de travail. Demandez à un administrateur de l'espace de travail d'installer l'app.",

  'status.verified': ({ maskedNumber, date }) =>
    `Votre numéro de téléphone ${maskedNumber} est vérifié depuis le ${date}.`,
  'status.not_verified':
    "Vous n'avez pas vérifié de numéro de téléphone. Lancez /verify-phone pour le faire maintenant.",

  'remove.confirm': ({ maskedNumber }) =>
    `Supprimer la vérification du *${maskedNumber}*\u00a0? Le badge *Phone verified* sera retiré de votre profil. Vous pourrez refaire la vérification à tout moment.`,
  'remove.submit': 'Supprimer',
  'remove.removing': 'Suppression de votre vérification…',
  'remove.done': 'Votre vérification du téléphone est supprimée, et le badge est retiré de votre profil.',
  'remove.nothing': "Vous n'avez aucune vérification de téléphone à supprimer.",

  'help.intro': 'Commandes de la vérification du téléphone\u00a0:',
  'help.start': 'vérifier votre numéro de téléphone par SMS.',
  'help.status': 'savoir si votre numéro est vérifié, depuis quand, et si votre profil affiche le badge.',
  'help.remove': 'supprimer votre vérification et le badge du profil.',
  'help.help': 'afficher cette liste.',
  'help.unknown': ({ subcommand }) => `La commande «\u00a0${subcommand}\u00a0» n'existe pas.`,

  'dm.revoked':
    'Votre vérification du téléphone a pris fin, car le numéro de téléphone de votre profil Slack a changé. Refaites la vérification pour retrouver le badge *Phone verified*.',
  'dm.expired':
    'Votre vérification du téléphone a expiré. Refaites la vérification pour conserver le badge *Phone verified* sur votre profil.',
  'dm.verify_again': 'Refaire la vérification',
  'dm.revoked_by_admin':
    'Un administrateur de l’espace de travail a révoqué votre vérification du téléphone. Refaites la vérification pour retrouver le badge *Phone verified*.',
  'dm.request': ({ requester }) =>
    `<@${requester}> vous demande de vérifier votre numéro de téléphone. Cela prend une minute\u00a0: nous vous envoyons un code à usage unique par SMS, et votre profil reçoit le badge *Phone verified*.`,
  'dm.request_button': 'Vérifier mon téléphone',
  'dm.request_summary': ({ asked, skipped, failed }) =>
    `Votre demande de vérification est terminée. Membres sollicités\u00a0: ${number(asked)}\u00a0; ignorés car déjà vérifiés\u00a0: ${number(skipped)}\u00a0; échecs\u00a0: ${number(failed)}.`,

  'admin.title': 'Console d’administration',
  'admin.figure.verified_members': 'Membres vérifiés',
  'admin.figure.verified_recent': 'Vérifiés ces dernières 24\u00a0h / 7\u00a0jours',
  'admin.figure.verified_recent_value': ({ day, week }) => `${number(day)} / ${number(week)}`,
  'admin.figure.codes_sent': 'Codes envoyés (7\u00a0jours)',
  'admin.figure.codes_sent_value': ({ sms, calls }) =>
    `${number(sms)} par SMS, ${plural(calls, { one: '# appel', other: '# appels' })}`,
  'admin.figure.conversion': 'Conversion (7\u00a0jours)',
  'admin.figure.conversion_value': ({ ratio, verified, flows }) =>
    ratio === undefined
      ? 'aucun code envoyé pour l’instant'
      : `${percent(ratio)} (${number(verified)} vérifiées sur ${plural(flows, { one: '# tentative', other: '# tentatives' })} avec envoi de code)`,
  'admin.figure.delivery_failures': 'Échecs de distribution (7\u00a0jours)',
  'admin.figure.rate_limited': 'Refus pour limite d’envoi (7\u00a0jours)',
  'admin.figure.refused_countries': 'Pays refusés (7\u00a0jours)',
  'admin.figure.refused_countries_value': ({ refused }) =>
    refused.length === 0 ? 'aucun' : refused.map(({ country, count }) => `${country} ${number(count)}`).join(', '),
  'admin.figure.spend': 'Dépense estimée (7\u00a0jours)',
  'admin.figure.spend_value': ({ spend }) => spend.map(({ amount, currency }) => money(amount, currency)).join(' + '),
  'admin.figure.tags': 'Badges de profil',
  'admin.figure.tags_value': ({ pending, failed }) =>
    `${number(pending)} en attente d’un nouvel essai, ${number(failed)} en échec`,
  'admin.limits': ({ limits }) =>
    `Limites\u00a0: ${number(limits.sendsPerMemberPerHour)} codes par heure par membre, ${number(limits.sendsPerNumberPerHour)} par numéro, ${number(limits.sendsPerWorkspacePerHour)} par heure et ${number(limits.sendsPerWorkspacePerDay)} par jour par espace de travail\u00a0; ${number(limits.failedChecksPerMemberPerDay)} codes erronés par jour par membre.`,
  'admin.button.revoke': 'Révoquer un membre…',
  'admin.button.request': 'Demander une vérification…',
  'admin.button.export': 'Exporter en CSV',
  'admin.button.retry_tags': 'Réessayer maintenant',
  'admin.revoke.title': 'Révoquer un membre',
  'admin.revoke.pick_label': 'Membre',
  'admin.revoke.next': 'Suivant',
  'admin.revoke.confirm': ({ userId, maskedNumber }) =>
    `Révoquer la vérification de *${maskedNumber}* pour <@${userId}>\u00a0? Son badge *Phone verified* sera retiré, et ce membre recevra un message direct l’invitant à refaire la vérification.`,
  'admin.revoke.not_verified': ({ userId }) => `<@${userId}> n’a aucune vérification du téléphone en cours.`,
  'admin.revoke.submit': 'Révoquer',
  'admin.revoke.working': 'Révocation en cours…',
  'admin.revoke.done': ({ userId }) =>
    `La vérification de <@${userId}> est révoquée, le badge est retiré, et ce membre a été invité à refaire la vérification.`,
  'admin.request.title': 'Demande de vérification',
  'admin.request.intro':
    'Choisissez des membres, un canal ou un groupe d’utilisateurs. Chaque membre qui n’est pas encore vérifié recevra un message direct avec un bouton qui ouvre la vérification.',
  'admin.request.members_label': 'Membres',
  'admin.request.channel_label': 'Tous les membres d’un canal',
  'admin.request.group_label': 'Tous les membres d’un groupe d’utilisateurs',
  'admin.request.submit': 'Envoyer les demandes',
  'admin.request.nothing_picked': 'Choisissez des membres, un canal ou un groupe d’utilisateurs.',
  'admin.request.working': 'Recherche des membres…',
  'admin.request.queued': ({ count }) =>
    `${plural(count, { one: '# membre en file d’attente', other: '# membres en file d’attente' })}. Les messages partent un par un, et vous recevrez un récapitulatif par message direct une fois qu’ils seront tous envoyés.`,
  'admin.request.none_found': 'Aucun membre n’a été trouvé dans votre sélection.',
  'admin.request.failed': 'Impossible d’obtenir la liste des membres. Réessayez dans une minute.',
  'admin.export.comment': ({ fullNumbers }) =>
    `Les fiches de vérification et le journal d’audit, au format CSV. ${fullNumbers ? 'Les numéros sont complets\u00a0: conservez ces fichiers en lieu sûr.' : 'Les numéros sont masqués.'}`,

  'workflow.request':
    'Un workflow vous demande de vérifier votre numéro de téléphone. Cela prend une minute : nous vous envoyons un code par SMS.',
  'workflow.verify': 'Vérifier mon téléphone',
  'workflow.not_now': 'Pas maintenant',
  'workflow.declined': 'Entendu, pas maintenant. Le workflow sera informé que vous n’avez pas vérifié votre téléphone.',
  'workflow.error_declined': 'Le membre a choisi de ne pas vérifier son numéro de téléphone pour le moment.',
  'workflow.error_timed_out': ({ hours }) =>
    `Le membre n’a pas vérifié son numéro de téléphone dans le délai de ${hours} ${hours < 2 ? 'heure' : 'heures'}.`,

  'error.internal': "Un problème est survenu de notre côté, et cette étape n'a pas abouti.",
  'error.internal_next':
    "Utilisez *Recommencer* dans une minute. Si le problème persiste, prévenez un administrateur de l'espace de travail.",

  'profile.badge_value': ({ maskedNumber, date }) => `${maskedNumber} (vérifié le ${date})`,
  'profile.badge_alt': ({ date }) => `Vérifié le ${date}`,

  'sms.code': ({ code, workspace, expiresIn }) =>
    `Votre code de vérification ${workspace ? `Slack ${workspace}` : 'Slack'} est ${code}. Il expire dans ${duration(expiresIn)}. Ne le partagez avec personne.`,
  'voice.code': ({ digits, workspace, expiresIn }) =>
    `Votre code de vérification ${workspace ? `Slack ${workspace}` : 'Slack'} est ${digits.join(', ')}. Je répète\u00a0: ${digits.join(', ')}. Il expire dans ${duration(expiresIn)}.`,
};
