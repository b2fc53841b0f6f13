import type { Catalog } from './entries';
import { EXAMPLE_NUMBER, MASKED_EXAMPLE } from './examples';
import { counting } from './plural';

// Brazilian Portuguese, addressing the member as "você". The SMS avoids "código" and "não" so that
// it stays within GSM-7 (no "ó", "ã"), one 160-character segment.

const { plural, duration, number, money, percent } = counting('pt-BR', {
  second: { one: '# segundo', other: '# segundos' },
  minute: { one: '# minuto', other: '# minutos' },
  hour: { one: '# hora', other: '# horas' },
});

export const ptBR: Catalog = {
  'modal.title': 'Verifique seu telefone',
  'modal.cancel': 'Cancelar',
  'modal.close': 'Fechar',
  'button.start_again': 'Recomeçar',
  'button.resend': 'Reenviar código',
  'button.other_number': 'Usar outro número',
  'button.call': 'Prefiro uma ligação',

  'phone.intro':
    'Prove que este telefone é seu: vamos enviar a ele um código de uso único por SMS. Depois digite o código, e seu perfil do Slack será marcado como *telefone verificado*.',
  'phone.input_label': 'Número de celular',
  'phone.placeholder': EXAMPLE_NUMBER,
  'phone.hint_local': ({ country }) => `Formato internacional (${EXAMPLE_NUMBER}) ou um número local (${country}).`,
  'phone.hint_international': `Inclua o código do país, por exemplo ${EXAMPLE_NUMBER}.`,
  'phone.note': `Podem ser cobradas as tarifas normais de SMS. Seu número só é exibido mascarado, como ${MASKED_EXAMPLE}.`,
  'phone.submit': 'Enviar código',
  'phone.empty': 'Digite seu número de celular.',
  'phone.too_long': 'Isso é longo demais para ser um número de telefone.',
  'phone.unparseable': `Isso não parece um número de telefone. Inclua o código do país, por exemplo ${EXAMPLE_NUMBER}.`,
  'phone.invalid': 'Esse número de telefone não é válido. Confira os dígitos e o código do país.',
  'phone.not_mobile': 'Parece um telefone fixo. Digite um número de celular que receba SMS.',
  'phone.costly':
    'Não podemos enviar códigos para números de tarifa premium, gratuitos, de custo compartilhado ou de pager. Digite seu número de celular.',
  'phone.global_network':
    'Não podemos enviar códigos para números de satélite ou de redes internacionais (+870, +881, +882, +883). Digite um número de celular de um país.',
  'phone.flow_taken': 'Este formulário expirou. Feche-o e execute /verify-phone novamente.',
  'phone.country_not_allowed': ({ countries }) =>
    `Só é possível enviar códigos para números destes países: ${countries.join(', ')}.`,
  'number.taken':
    'Este número não pode ser verificado para sua conta. Se ele for seu, fale com um administrador do espaço de trabalho.',

  'progress.sending': ({ maskedNumber }) => `Enviando um código para *${maskedNumber}*…`,
  'progress.calling': ({ maskedNumber }) => `Ligando para *${maskedNumber}* para ditar um código…`,
  'progress.checking': 'Verificando seu código…',

  'send.failed': ({ maskedNumber }) => `Não foi possível enviar um código para ${maskedNumber}.`,
  'send.rejected':
    'O serviço de SMS se recusou a enviar para este número. Confira se é um número de celular que recebe SMS.',
  'send.unavailable':
    'O serviço de SMS não está respondendo agora. Nada foi enviado. Tente novamente em alguns minutos.',
  'send.unconfirmed':
    'Não foi possível confirmar o envio do SMS. Se nenhum código chegar em um minuto, use *Reenviar código*: os códigos anteriores deixam de funcionar.',
  'send.gone': 'Esta verificação já avançou. Recomece se ainda precisar de um código.',
  'send.rate_limited': ({ retryAfter }) =>
    `Foram solicitados códigos demais. Tente novamente em ${duration(retryAfter)}.`,
  'send.may_have_arrived': ({ maskedNumber }) =>
    `O serviço de SMS aceitou a mensagem, então um código pode chegar em *${maskedNumber}*, mas não conseguimos concluir do nosso lado. Se nenhum código chegar em um minuto, use *Reenviar código* ou recomece.`,

  'code.prompt': ({ codeLength, maskedNumber, expiresIn }) =>
    `Digite o código de ${codeLength} dígitos que enviamos para *${maskedNumber}*. Ele expira ${duration(expiresIn)} depois do envio.`,
  'code.prompt_voice': ({ codeLength, maskedNumber, expiresIn }) =>
    `Digite o código de ${codeLength} dígitos que ditamos na ligação para *${maskedNumber}*. Ele expira ${duration(expiresIn)} depois da ligação.`,
  'code.input_label': ({ codeLength }) => `Código de ${codeLength} dígitos`,
  'code.submit': 'Verificar',
  'code.resend_after': ({ wait }) => `Não recebeu? Você pode pedir um novo código ${duration(wait)} depois do último.`,
  'code.resend_now': 'Não recebeu? Peça um novo código.',
  'code.malformed': ({ codeLength }) => `Digite os ${codeLength} dígitos do SMS, sem mais nada.`,
  'code.rate_limited':
    'Códigos errados demais hoje. Tente novamente amanhã ou fale com um administrador do espaço de trabalho.',
  'code.wrong': ({ attemptsLeft }) =>
    `Esse código não está certo. ${plural(attemptsLeft, { one: 'Resta # tentativa', other: 'Restam # tentativas' })}.`,
  'code.lookup_failed':
    'Não foi possível verificar seu código agora, e esta tentativa não foi contada. Envie-o novamente.',

  'delivery.delivered': ({ maskedNumber }) => `Entregue para ${maskedNumber}.`,
  'delivery.not_delivered': ({ reason }) => `Não entregue: ${reason}. Confira o número ou peça uma ligação.`,
  'delivery.reason.expired': 'não foi possível alcançar o telefone antes de o código expirar',
  'delivery.reason.blocked': 'este número está bloqueado para receber nossos SMS',
  'delivery.reason.duplicate': 'o serviço de SMS o reteve como repetição de um SMS anterior',
  'delivery.reason.no_route': 'o serviço de SMS não tem rota para este número',
  'delivery.reason.account': 'o serviço de SMS o bloqueou do nosso lado',
  'delivery.reason.refused': 'a rede de telefonia o recusou',
  'delivery.reason.failed': 'a rede de telefonia não conseguiu entregá-lo',
  'resend.cooldown': ({ wait }) => `Você pode pedir um novo código em ${duration(wait)}.`,
  'resend.sent': 'Enviamos um novo código. Os códigos anteriores não funcionam mais.',
  'resend.called': 'Estamos ligando para ditar um novo código. Os códigos anteriores não funcionam mais.',

  'flow.unknown_flow': 'Esta verificação não é sua ou não é mais válida.',
  'flow.expired': 'Este código expirou.',
  'flow.locked': 'Códigos errados demais: este código não funciona mais.',
  'flow.already_verified': 'Este código já foi usado.',
  'flow.not_sent': 'Este código nunca foi enviado, então não pode ser verificado.',
  'flow.start_again': 'Recomece para receber um novo código.',

  'verified.title': ({ maskedNumber }) => `${maskedNumber} está verificado.`,
  'verified.close': 'Você já pode fechar esta janela.',
  'badge.set': 'Seu perfil do Slack agora mostra que seu telefone está verificado.',
  'badge.not_configured':
    'Sua verificação foi registrada, mas este espaço de trabalho não configurou o campo de perfil *Phone verified*, então nenhum selo foi adicionado. O administrador do espaço de trabalho foi avisado.',
  'badge.transient': 'O Slack está ocupado agora: o selo *Phone verified* vai aparecer no seu perfil em breve.',
  'badge.refused':
    'Sua verificação foi registrada, mas o Slack não aceitou a atualização do perfil, então nenhum selo foi adicionado. O administrador do espaço de trabalho foi avisado.',

  'home.title': 'Verificação de telefone',
  'home.verified': ({ maskedNumber, date }) => `*Verificado:* ${maskedNumber}, em ${date}.`,
  'home.not_verified':
    'Você ainda não verificou um número de telefone. Leva um minuto: enviamos um código por SMS e você o digita.',
  'home.verify': 'Verificar meu número de telefone',
  'home.verify_other': 'Verificar outro número',
  'home.badge.set': 'Seu perfil mostra o selo *Phone verified*.',
  'home.badge.pending': 'O selo do seu perfil está sendo atualizado.',
  'home.badge.failed':
    'Não foi possível adicionar o selo ao seu perfil; o administrador do espaço de trabalho pode resolver isso.',
  'home.badge.not_configured':
    'Este espaço de trabalho não configurou o campo de perfil *Phone verified*, então nenhum selo é exibido.',
  'home.activity_title': 'Atividade recente (só administradores)',
  'home.activity_empty': 'Ainda não há atividade de verificação.',
  'home.reinstall_needed':
    '*Os selos de perfil estão desativados:* o app foi instalado por um membro que não é administrador nem proprietário do espaço de trabalho, então ele não consegue preencher o campo *Phone verified*. As verificações continuam funcionando. Um administrador ou proprietário deve reinstalar o app para ativar os selos.',

  'install.not_installed':
    'A verificação de telefone ainda não está instalada neste espaço de trabalho. Peça a um administrador do espaço de trabalho para instalar o app.',

  'status.verified': ({ maskedNumber, date }) =>
    `Seu número de telefone ${maskedNumber} está verificado desde ${date}.`,
  'status.not_verified': 'Você não verificou nenhum número de telefone. Execute /verify-phone para fazer isso agora.',

  'remove.confirm': ({ maskedNumber }) =>
    `Remover a verificação de *${maskedNumber}*? O selo *Phone verified* será retirado do seu perfil. Você pode verificar de novo quando quiser.`,
  'remove.submit': 'Remover',
  'remove.removing': 'Removendo sua verificação…',
  'remove.done': 'Sua verificação de telefone foi removida, e o selo foi retirado do seu perfil.',
  'remove.nothing': 'Você não tem nenhuma verificação de telefone para remover.',

  'help.intro': 'Comandos da verificação de telefone:',
  'help.start': 'verificar seu número de telefone por SMS.',
  'help.status': 'saber se seu número está verificado, desde quando e se seu perfil mostra o selo.',
  'help.remove': 'remover sua verificação e o selo do perfil.',
  'help.help': 'mostrar esta lista.',
  'help.unknown': ({ subcommand }) => `Não existe o comando "${subcommand}".`,

  'dm.revoked':
    'Sua verificação de telefone terminou porque o número de telefone do seu perfil do Slack mudou. Verifique de novo para recuperar o selo *Phone verified*.',
  'dm.expired':
    'Sua verificação de telefone expirou. Verifique de novo para manter o selo *Phone verified* no seu perfil.',
  'dm.verify_again': 'Verificar de novo',
  'dm.revoked_by_admin':
    'Um administrador do espaço de trabalho revogou sua verificação de telefone. Verifique de novo para recuperar o selo *Phone verified*.',
  'dm.request': ({ requester }) =>
    `<@${requester}> pede que você verifique seu número de telefone. Leva um minuto: enviamos um código de uso único por SMS, e seu perfil ganha o selo *Phone verified*.`,
  'dm.request_button': 'Verificar meu telefone',
  'dm.request_summary': ({ asked, skipped, failed }) =>
    `Sua solicitação de verificação terminou. Avisados: ${number(asked)}; ignorados por já estarem verificados: ${number(skipped)}; com falha: ${number(failed)}.`,

  'admin.title': 'Console de administração',
  'admin.figure.verified_members': 'Membros verificados',
  'admin.figure.verified_recent': 'Verificados nas últimas 24 h / 7 dias',
  'admin.figure.verified_recent_value': ({ day, week }) => `${number(day)} / ${number(week)}`,
  'admin.figure.codes_sent': 'Códigos enviados (7 dias)',
  'admin.figure.codes_sent_value': ({ sms, calls }) =>
    `${number(sms)} por SMS, ${plural(calls, { one: '# ligação', other: '# ligações' })}`,
  'admin.figure.conversion': 'Conversão (7 dias)',
  'admin.figure.conversion_value': ({ ratio, verified, flows }) =>
    ratio === undefined
      ? 'nenhum código enviado ainda'
      : `${percent(ratio)} (${number(verified)} verificados de ${plural(flows, { one: '# tentativa', other: '# tentativas' })} com código enviado)`,
  'admin.figure.delivery_failures': 'Falhas de entrega (7 dias)',
  'admin.figure.rate_limited': 'Recusas por limite de envio (7 dias)',
  'admin.figure.refused_countries': 'Países recusados (7 dias)',
  'admin.figure.refused_countries_value': ({ refused }) =>
    refused.length === 0 ? 'nenhum' : refused.map(({ country, count }) => `${country} ${number(count)}`).join(', '),
  'admin.figure.spend': 'Gasto estimado (7 dias)',
  'admin.figure.spend_value': ({ spend }) => spend.map(({ amount, currency }) => money(amount, currency)).join(' + '),
  'admin.figure.tags': 'Selos do perfil',
  'admin.figure.tags_value': ({ pending, failed }) =>
    `${number(pending)} aguardando nova tentativa, ${number(failed)} com falha`,
  'admin.limits': ({ limits }) =>
    `Limites: ${number(limits.sendsPerMemberPerHour)} códigos por hora por membro, ${number(limits.sendsPerNumberPerHour)} por número, ${number(limits.sendsPerWorkspacePerHour)} por hora e ${number(limits.sendsPerWorkspacePerDay)} por dia por espaço de trabalho; ${number(limits.failedChecksPerMemberPerDay)} códigos errados por dia por membro.`,
  'admin.button.revoke': 'Revogar um membro…',
  'admin.button.request': 'Solicitar verificação…',
  'admin.button.export': 'Exportar CSV',
  'admin.button.retry_tags': 'Tentar de novo agora',
  'admin.revoke.title': 'Revogar um membro',
  'admin.revoke.pick_label': 'Membro',
  'admin.revoke.next': 'Avançar',
  'admin.revoke.confirm': ({ userId, maskedNumber }) =>
    `Revogar a verificação de *${maskedNumber}* de <@${userId}>? O selo *Phone verified* será removido, e a pessoa vai receber uma mensagem direta pedindo que verifique de novo.`,
  'admin.revoke.not_verified': ({ userId }) => `<@${userId}> não tem uma verificação de telefone ativa.`,
  'admin.revoke.submit': 'Revogar',
  'admin.revoke.working': 'Revogando…',
  'admin.revoke.done': ({ userId }) =>
    `A verificação de <@${userId}> foi revogada, o selo foi removido, e a pessoa recebeu um pedido para verificar de novo.`,
  'admin.request.title': 'Solicitar verificação',
  'admin.request.intro':
    'Escolha membros, um canal ou um grupo de usuários. Cada membro que ainda não tiver verificado recebe uma mensagem direta com um botão que abre a verificação.',
  'admin.request.members_label': 'Membros',
  'admin.request.channel_label': 'Todos de um canal',
  'admin.request.group_label': 'Todos de um grupo de usuários',
  'admin.request.submit': 'Enviar solicitações',
  'admin.request.nothing_picked': 'Escolha membros, um canal ou um grupo de usuários.',
  'admin.request.working': 'Procurando os membros…',
  'admin.request.queued': ({ count }) =>
    `${plural(count, { one: '# membro na fila', other: '# membros na fila' })}. As mensagens são enviadas uma de cada vez, e você recebe um resumo por mensagem direta quando todas tiverem sido enviadas.`,
  'admin.request.none_found': 'Nenhum membro foi encontrado no que você escolheu.',
  'admin.request.failed': 'Não foi possível listar os membros. Tente de novo daqui a um minuto.',
  'admin.export.comment': ({ fullNumbers }) =>
    `Os registros de verificação e o log de auditoria, em CSV. ${fullNumbers ? 'Os números estão completos: guarde estes arquivos em local seguro.' : 'Os números estão mascarados.'}`,

  'workflow.request':
    'Um fluxo de trabalho pede que você verifique seu número de telefone. Leva um minuto: enviamos um código por SMS.',
  'workflow.verify': 'Verificar meu telefone',
  'workflow.not_now': 'Agora não',
  'workflow.declined': 'Tudo bem, agora não. O fluxo de trabalho vai saber que você não verificou.',
  'workflow.error_declined': 'O membro decidiu não verificar o número de telefone agora.',
  'workflow.error_timed_out': ({ hours }) =>
    `O membro não verificou o número de telefone em ${hours} ${hours === 1 ? 'hora' : 'horas'}.`,

  'error.internal': 'Algo deu errado do nosso lado, e esta etapa não foi concluída.',
  'error.internal_next':
    'Use *Recomeçar* daqui a um minuto. Se continuar acontecendo, avise um administrador do espaço de trabalho.',

  'profile.badge_value': ({ maskedNumber, date }) => `${maskedNumber} (verificado em ${date})`,
  'profile.badge_alt': ({ date }) => `Verificado em ${date}`,

  'sms.code': ({ code, workspace, expiresIn }) =>
    `Para verificar seu telefone no ${workspace ? `Slack ${workspace}` : 'Slack'}, digite ${code}. Vale por ${duration(expiresIn)}. Mantenha em sigilo.`,
  'voice.code': ({ digits, workspace, expiresIn }) =>
    `Seu código de verificação do ${workspace ? `Slack ${workspace}` : 'Slack'} é ${digits.join(', ')}. Repetindo: ${digits.join(', ')}. Ele vale por ${duration(expiresIn)}.`,
};
