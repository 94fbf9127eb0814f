<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="82" />
        <source>Todos los departamentos</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="86" />
        <source>Cualquier persona</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="87" />
        <source>Sin asignar</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="89" />
        <source>Buscar en tickets…</source>
        <translation>Search tickets…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="111" />
        <source>Asignármelo</source>
        <translation>Assign to me</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="114" />
        <source>Asignar a…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="117" />
        <source>Cambiar de departamento…</source>
        <translation>Change department…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="143" />
        <source>No se pudo leer el tablero</source>
        <translation>Could not read the board</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="224" />
        <source>Asignar ticket</source>
        <translation>Assign ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="224" />
        <source>Asignar #%d a:</source>
        <translation>Assign #%d to:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="235" />
        <source>Cambiar de departamento</source>
        <translation>Change department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="236" />
        <source>Llevar #%d a:</source>
        <translation>Move #%d to:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="255" />
        <source>Mover a</source>
        <translation>Move to</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../jun_desk/ui/board/delegate.py" line="92" />
        <source>sin asignar</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/delegate.py" line="94" />
        <source>%d msj.</source>
        <translation>%d msgs</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="39" />
        <source>Credenciales de X</source>
        <translation>X credentials</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="45" />
        <source>Las claves de la cuenta del Ayuntamiento se guardan solo en el llavero del sistema, nunca en la base de datos ni en ficheros.</source>
        <translation>The town hall account's keys are kept only in the system keyring, never in the database or in files.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="53" />
        <source>Cuenta (sin @)</source>
        <translation>Account (without @)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="56" />
        <source>Clave de API (API key)</source>
        <translation>API key (consumer key)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="57" />
        <source>Secreto de API (API key secret)</source>
        <translation>API key secret (consumer secret)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="58" />
        <source>Token de acceso (access token)</source>
        <translation>Access token</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="59" />
        <source>Secreto del token (access token secret)</source>
        <translation>Access token secret</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="76" />
        <source>Probar conexión</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="77" />
        <source>Olvidar credenciales</source>
        <translation>Forget credentials</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="116" />
        <source>Probando la conexión con X…</source>
        <translation>Testing the connection to X…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="118" />
        <source>Conectado como @%s (%s)</source>
        <translation>Connected as @%s (%s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="120" />
        <source>No se pudo conectar: %s</source>
        <translation>Could not connect: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="126" />
        <source>Guardando en el llavero…</source>
        <translation>Saving to the keyring…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="131" />
        <source>Guardado en el llavero.</source>
        <translation>Saved in the keyring.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="138" />
        <source>Llavero no disponible</source>
        <translation>Keyring not available</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="144" />
        <source>Borrando del llavero…</source>
        <translation>Removing from the keyring…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="151" />
        <source>Credenciales de @%s borradas (%d entradas).</source>
        <translation>Credentials of @%s removed (%d entries).</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="48" />
        <source>Departamento</source>
        <translation>Department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="48" />
        <source>Abiertos</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="48" />
        <source>Fuera de plazo</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="49" />
        <source>1.ª respuesta hoy</source>
        <translation>1st response today</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="49" />
        <source>Resolución hoy</source>
        <translation>Resolution today</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="50" />
        <source>1.ª respuesta semana</source>
        <translation>1st response this week</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="50" />
        <source>Resolución semana</source>
        <translation>Resolution this week</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="65" />
        <location filename="../../jun_desk/ui/dashboard.py" line="136" />
        <source>Sin campañas en las últimas 24 horas</source>
        <translation>No campaigns in the last 24 hours</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="97" />
        <source>No se pudo calcular el panel</source>
        <translation>Could not compute the dashboard</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="120" />
        <source>Hoy: %d tickets, mediana de 1.ª respuesta %s, de resolución %s · Semana: %d tickets, %s / %s</source>
        <translation>Today: %d tickets, median first response %s, resolution %s · Week: %d tickets, %s / %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="127" />
        <source>Campañas (últimas 24 h):</source>
        <translation>Campaigns (last 24 h):</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="129" />
        <source>#%s: %d menciones de %d vecinos, %s–%s, pico %d/hora</source>
        <translation>#%s: %d mentions from %d residents, %s–%s, peak %d/hour</translation>
    </message>
</context>
<context>
    <name>DetailPanel</name>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="58" />
        <source>Elige un ticket en el tablero o crea uno desde el feed</source>
        <translation>Pick a ticket on the board or create one from the feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="64" />
        <source>⚠ El vecino publicó datos personales: ofrece seguir por DM.</source>
        <translation>⚠ The resident posted personal data: offer to continue by DM.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="67" />
        <source>Usar «pásanos un DM»</source>
        <translation>Use "please DM us"</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="82" />
        <source>Conversación</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="83" />
        <source>Historial</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="84" />
        <source>Envíos</source>
        <translation>Sends</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="88" />
        <source>Respuestas preparadas…</source>
        <translation>Canned replies…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="95" />
        <source>Escribe la respuesta, el DM o una nota…</source>
        <translation>Write the reply, the DM or a note…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="107" />
        <source>Responder en público</source>
        <translation>Reply in public</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="108" />
        <source>Enviar DM</source>
        <translation>Send DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="109" />
        <source>Añadir nota</source>
        <translation>Add note</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="110" />
        <source>Resolver</source>
        <translation>Resolve</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="111" />
        <source>Reabrir</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="144" />
        <source>No se pudo abrir el ticket</source>
        <translation>Could not open the ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="162" />
        <source>sin vecino</source>
        <translation>no resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="174" />
        <source>(%d intentos)</source>
        <translation>(%d attempts)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="177" />
        <source>Nada enviado aún.</source>
        <translation>Nothing sent yet.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="185" />
        <source>Ayuntamiento</source>
        <translation>Town hall</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="248" />
        <source>No se pudo enviar</source>
        <translation>Could not send</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="252" />
        <source>Mensaje en la bandeja de salida (#%d)</source>
        <translation>Message in the outbox (#%d)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="262" />
        <source>No se pudo guardar la nota</source>
        <translation>Could not save the note</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="274" />
        <source>No se pudo resolver</source>
        <translation>Could not resolve</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="277" />
        <source>No se pudo reabrir</source>
        <translation>Could not reopen</translation>
    </message>
</context>
<context>
    <name>DmPanel</name>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="89" />
        <source>Elige una conversación</source>
        <translation>Pick a conversation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="99" />
        <source>Escribe un mensaje directo…</source>
        <translation>Write a direct message…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="103" />
        <source>Crear ticket</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="104" />
        <source>Vincular a ticket…</source>
        <translation>Link to ticket…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="105" />
        <source>Ver ticket</source>
        <translation>Open ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="106" />
        <source>Enviar DM</source>
        <translation>Send DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="126" />
        <source>No se pudieron leer los mensajes directos</source>
        <translation>Could not read the direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="156" />
        <source> · ticket #%d</source>
        <translation> · ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="157" />
        <source> · sin ticket</source>
        <translation> · no ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="162" />
        <source>Ayuntamiento</source>
        <translation>Town hall</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="179" />
        <source>Crea o vincula un ticket para responder: así queda registrado</source>
        <translation>Create or link a ticket to reply, so the answer is on record</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="196" />
        <source>No se pudo crear el ticket</source>
        <translation>Could not create the ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="202" />
        <source>Vincular a ticket</source>
        <translation>Link to ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="203" />
        <source>Número de ticket:</source>
        <translation>Ticket number:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="213" />
        <source>No se pudo vincular</source>
        <translation>Could not link</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="224" />
        <source>DM en la bandeja de salida</source>
        <translation>DM in the outbox</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="228" />
        <source>No se pudo enviar el DM</source>
        <translation>Could not send the DM</translation>
    </message>
</context>
<context>
    <name>FeedDelegate</name>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="101" />
        <source>✔ vecino verificado</source>
        <translation>✔ verified resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="136" />
        <source>adjuntos: %d</source>
        <translation>attachments: %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="139" />
        <source>ticket #%d</source>
        <translation>ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="141" />
        <source>atendido</source>
        <translation>handled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="165" />
        <source>⚠ Datos personales en público (%s): mejor seguir por DM</source>
        <translation>⚠ Personal data in public (%s): better continue by DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="173" />
        <source>Privado, contiene datos personales (%s)</source>
        <translation>Private, contains personal data (%s)</translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="49" />
        <source>Todos los departamentos</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="52" />
        <source>Solo sin atender</source>
        <translation>Unhandled only</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="55" />
        <source>Buscar…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="81" />
        <source>Crear ticket</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="82" />
        <source>Añadir a ticket…</source>
        <translation>Add to ticket…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="83" />
        <source>Responder</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="84" />
        <source>Abrir DM</source>
        <translation>Open DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="85" />
        <source>Marcar atendido</source>
        <translation>Mark handled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="86" />
        <source>Abrir en X</source>
        <translation>Open on X</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="121" />
        <source>No se pudo leer el feed</source>
        <translation>Could not read the feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="174" />
        <source>%d nuevos ↑</source>
        <translation>%d new ↑</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="222" />
        <source>Ticket #%d creado en %s</source>
        <translation>Ticket #%d created in %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="227" />
        <source>No se pudo crear el ticket</source>
        <translation>Could not create the ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="233" />
        <source>Añadir a ticket</source>
        <translation>Add to ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="234" />
        <source>Número de ticket:</source>
        <translation>Ticket number:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="243" />
        <source>No se pudo añadir</source>
        <translation>Could not add</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="251" />
        <source>No se pudo marcar</source>
        <translation>Could not mark</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="30" />
        <source>Nuevos</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="31" />
        <source>Asignados</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="32" />
        <source>En curso</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="33" />
        <source>Esperando al vecino</source>
        <translation>Waiting for resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="34" />
        <source>Resueltos</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="35" />
        <source>Cerrados</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="41" />
        <source>nuevo</source>
        <translation>new</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="42" />
        <source>asignado</source>
        <translation>assigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="43" />
        <source>en curso</source>
        <translation>in progress</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="44" />
        <source>esperando al vecino</source>
        <translation>waiting for resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="45" />
        <source>resuelto</source>
        <translation>resolved</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="46" />
        <source>cerrado</source>
        <translation>closed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="52" />
        <source>operador/a</source>
        <translation>operator</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="53" />
        <source>supervisor/a</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="61" />
        <source>teléfono</source>
        <translation>phone</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="62" />
        <source>correo</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="63" />
        <source>cuenta bancaria</source>
        <translation>bank account</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="64" />
        <source>salud</source>
        <translation>health</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="70" />
        <source>Mención</source>
        <translation>Mention</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="71" />
        <source>DM del vecino</source>
        <translation>Resident's DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="72" />
        <source>Respuesta</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="73" />
        <source>DM enviado</source>
        <translation>DM sent</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="79" />
        <source>pendiente</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="80" />
        <source>enviando</source>
        <translation>sending</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="81" />
        <source>enviado</source>
        <translation>sent</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/labels.py" line="82" />
        <source>falló</source>
        <translation>failed</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="48" />
        <source>Menciones y mensajes</source>
        <translation>Mentions and messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="50" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="53" />
        <source>Mensajes directos</source>
        <translation>Direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="57" />
        <source>Panel de supervisión</source>
        <translation>Supervisor dashboard</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="67" />
        <source>Sin sincronizar</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="73" />
        <source>Base de datos: %s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="80" />
        <source>&amp;Ver</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="85" />
        <source>Sincronizar ahora</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="89" />
        <source>&amp;Configuración</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="90" />
        <source>Credenciales de &amp;X…</source>
        <translation>&amp;X credentials…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="95" />
        <source>A&amp;yuda</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="96" />
        <source>Acerca de Jun Desk</source>
        <translation>About Jun Desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="109" />
        <source>Sincronizando con X…</source>
        <translation>Syncing with X…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="138" />
        <source>Crea antes un ticket con este mensaje (Ctrl+T) para responder</source>
        <translation>Create a ticket from this message first (Ctrl+T) to reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="168" />
        <source>Salida: %d pendientes</source>
        <translation>Outbox: %d pending</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="170" />
        <source>, %d fallidos</source>
        <translation>, %d failed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="176" />
        <source>Última sincronización %s: %d nuevos</source>
        <translation>Last sync %s: %d new</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="179" />
        <source>, %d enviados</source>
        <translation>, %d sent</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="185" />
        <source>Cupo X: %d/%d</source>
        <translation>X budget: %d/%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="212" />
        <source>Policía Local: %d aviso(s) nuevo(s)</source>
        <translation>Local Police: %d new report(s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="216" />
        <source>Campaña #%s</source>
        <translation>Campaign #%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="217" />
        <source>%d menciones en la última hora (pico %d/h)</source>
        <translation>%d mentions in the last hour (peak %d/h)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="221" />
        <source>Sincronización: %s</source>
        <translation>Sync: %s</translation>
    </message>
</context>
</TS>