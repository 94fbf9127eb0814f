<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="es">
<context>
    <name>BoardPanel</name>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="88" />
        <source>Todos los departamentos</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="92" />
        <source>Cualquier persona</source>
        <translation>Anyone</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="93" />
        <source>Sin asignar</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="95" />
        <source>Buscar en tickets…</source>
        <translation>Search tickets…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="102" />
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="125" />
        <source>Asignármelo</source>
        <translation>Assign to me</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="128" />
        <source>Asignar a…</source>
        <translation>Assign to…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="131" />
        <source>Cambiar de departamento…</source>
        <translation>Change department…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="157" />
        <location filename="../../jun_desk/ui/board/panel.py" line="176" />
        <source>No se pudo leer el tablero</source>
        <translation>Could not read the board</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="233" />
        <source>No se pudo actualizar el tablero</source>
        <translation>Could not update the board</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="310" />
        <source>Asignar ticket</source>
        <translation>Assign ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="310" />
        <source>Asignar #%d a:</source>
        <translation>Assign #%d to:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="320" />
        <source>Cambiar de departamento</source>
        <translation>Change department</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="321" />
        <source>Llevar #%d a:</source>
        <translation>Move #%d to:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/panel.py" line="340" />
        <source>Mover a</source>
        <translation>Move to</translation>
    </message>
</context>
<context>
    <name>CardDelegate</name>
    <message>
        <location filename="../../jun_desk/ui/board/delegate.py" line="99" />
        <source>sin asignar</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/board/delegate.py" line="101" />
        <source>%d msj.</source>
        <translation>%d msgs</translation>
    </message>
</context>
<context>
    <name>CredentialsDialog</name>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="33" />
        <source>Credenciales de X</source>
        <translation>X credentials</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="39" />
        <source>Las claves de la cuenta del Ayuntamiento se guardan solo en el llavero del sistema, nunca en la base de datos ni en ficheros.</source>
        <translation>The town hall account's keys are kept only in the system keyring, never in the database or in files.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="47" />
        <source>Cuenta (sin @)</source>
        <translation>Account (without @)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="50" />
        <source>Clave de API (API key)</source>
        <translation>API key (consumer key)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="51" />
        <source>Secreto de API (API key secret)</source>
        <translation>API key secret (consumer secret)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="52" />
        <source>Token de acceso (access token)</source>
        <translation>Access token</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="53" />
        <source>Secreto del token (access token secret)</source>
        <translation>Access token secret</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="70" />
        <source>Probar conexión</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="71" />
        <source>Olvidar credenciales</source>
        <translation>Forget credentials</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="110" />
        <source>Probando la conexión con X…</source>
        <translation>Testing the connection to X…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="112" />
        <source>Conectado como @%s (%s)</source>
        <translation>Connected as @%s (%s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="114" />
        <source>No se pudo conectar: %s</source>
        <translation>Could not connect: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="120" />
        <source>Guardando en el llavero…</source>
        <translation>Saving to the keyring…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="125" />
        <source>Guardado en el llavero.</source>
        <translation>Saved in the keyring.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="132" />
        <source>Llavero no disponible</source>
        <translation>Keyring not available</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="138" />
        <source>Borrando del llavero…</source>
        <translation>Removing from the keyring…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/credentials_dialog.py" line="145" />
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
        <location filename="../../jun_desk/ui/dashboard.py" line="68" />
        <location filename="../../jun_desk/ui/dashboard.py" line="139" />
        <source>Sin campañas en las últimas 24 horas</source>
        <translation>No campaigns in the last 24 hours</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="100" />
        <source>No se pudo calcular el panel</source>
        <translation>Could not compute the dashboard</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="123" />
        <source>Hoy: %d tickets, mediana de 1.ª respuesta %s, de resolución %s · Semana: %d tickets, %s / %s</source>
        <translation>Today: %d tickets, median first response %s, resolution %s · Week: %d tickets, %s / %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="130" />
        <source>Campañas (últimas 24 h):</source>
        <translation>Campaigns (last 24 h):</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dashboard.py" line="132" />
        <source>#%s: %d menciones de %d vecinos, %s–%s, pico %d/hora</source>
        <translation>#%s: %d mentions from %d residents, %s–%s, peak %d/hour</translation>
    </message>
</context>
<context>
    <name>DatabaseDialog</name>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="41" />
        <location filename="../../jun_desk/ui/database_dialog.py" line="68" />
        <source>Base de datos</source>
        <translation>Database</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="46" />
        <source>Varios puestos comparten el tablero en una base de datos PostgreSQL. La contraseña se guarda solo en el llavero del sistema.</source>
        <translation>Several desks share the board in a PostgreSQL database. The password is kept only in the system keyring.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="53" />
        <source>Solo este puesto (archivo SQLite)</source>
        <translation>This desk only (SQLite file)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="54" />
        <source>Tablero compartido (PostgreSQL)</source>
        <translation>Shared board (PostgreSQL)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="55" />
        <source>Tipo</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="57" />
        <source>Archivo</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="67" />
        <source>Servidor</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="67" />
        <source>Puerto</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="69" />
        <source>Usuario</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="70" />
        <source>Contraseña</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="79" />
        <source>Probar conexión</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="118" />
        <source>Indique el archivo de la base de datos</source>
        <translation>Enter the database file</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="122" />
        <source>Indique el servidor y la base de datos</source>
        <translation>Enter the server and the database</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="141" />
        <source>Probando la conexión…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="143" />
        <source>Conexión correcta: %s</source>
        <translation>Connection works: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/database_dialog.py" line="160" />
        <source>Guardado. Jun Desk usará esta base de datos la próxima vez que se abra.</source>
        <translation>Saved. Jun Desk will use this database the next time it starts.</translation>
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
        <location filename="../../jun_desk/ui/detail/panel.py" line="166" />
        <source>sin vecino</source>
        <translation>no resident</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="178" />
        <source>(%d intentos)</source>
        <translation>(%d attempts)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="181" />
        <source>Nada enviado aún.</source>
        <translation>Nothing sent yet.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="189" />
        <source>Ayuntamiento</source>
        <translation>Town hall</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="263" />
        <source>No se pudo enviar</source>
        <translation>Could not send</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="267" />
        <source>Mensaje en la bandeja de salida (#%d)</source>
        <translation>Message in the outbox (#%d)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="277" />
        <source>No se pudo guardar la nota</source>
        <translation>Could not save the note</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="289" />
        <source>No se pudo resolver</source>
        <translation>Could not resolve</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/detail/panel.py" line="292" />
        <source>No se pudo reabrir</source>
        <translation>Could not reopen</translation>
    </message>
</context>
<context>
    <name>DmPanel</name>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="90" />
        <source>Elige una conversación</source>
        <translation>Pick a conversation</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="100" />
        <source>Escribe un mensaje directo…</source>
        <translation>Write a direct message…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="104" />
        <source>Crear ticket</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="105" />
        <source>Vincular a ticket…</source>
        <translation>Link to ticket…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="106" />
        <source>Ver ticket</source>
        <translation>Open ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="107" />
        <source>Enviar DM</source>
        <translation>Send DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="127" />
        <source>No se pudieron leer los mensajes directos</source>
        <translation>Could not read the direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="157" />
        <source> · ticket #%d</source>
        <translation> · ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="158" />
        <source> · sin ticket</source>
        <translation> · no ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="163" />
        <source>Ayuntamiento</source>
        <translation>Town hall</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="181" />
        <source>Crea o vincula un ticket para responder: así queda registrado</source>
        <translation>Create or link a ticket to reply, so the answer is on record</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="198" />
        <source>No se pudo crear el ticket</source>
        <translation>Could not create the ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="204" />
        <source>Vincular a ticket</source>
        <translation>Link to ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="205" />
        <source>Número de ticket:</source>
        <translation>Ticket number:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="215" />
        <source>No se pudo vincular</source>
        <translation>Could not link</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="226" />
        <source>DM en la bandeja de salida</source>
        <translation>DM in the outbox</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/dms/panel.py" line="230" />
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
        <source>editado</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="141" />
        <source>ticket #%d</source>
        <translation>ticket #%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="143" />
        <source>atendido</source>
        <translation>handled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="167" />
        <source>⚠ Datos personales en público (%s): mejor seguir por DM</source>
        <translation>⚠ Personal data in public (%s): better continue by DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/delegate.py" line="175" />
        <source>Privado, contiene datos personales (%s)</source>
        <translation>Private, contains personal data (%s)</translation>
    </message>
</context>
<context>
    <name>FeedPanel</name>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="50" />
        <source>Todos los departamentos</source>
        <translation>All departments</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="53" />
        <source>Solo sin atender</source>
        <translation>Unhandled only</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="56" />
        <source>Buscar…</source>
        <translation>Search…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="82" />
        <source>Crear ticket</source>
        <translation>Create ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="83" />
        <source>Añadir a ticket…</source>
        <translation>Add to ticket…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="84" />
        <source>Responder</source>
        <translation>Reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="85" />
        <source>Abrir DM</source>
        <translation>Open DM</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="86" />
        <source>Marcar atendido</source>
        <translation>Mark handled</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="87" />
        <source>Abrir en X</source>
        <translation>Open on X</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="123" />
        <source>No se pudo leer el feed</source>
        <translation>Could not read the feed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="194" />
        <source>%d nuevos ↑</source>
        <translation>%d new ↑</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="242" />
        <source>Ticket #%d creado en %s</source>
        <translation>Ticket #%d created in %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="247" />
        <source>No se pudo crear el ticket</source>
        <translation>Could not create the ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="253" />
        <source>Añadir a ticket</source>
        <translation>Add to ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="254" />
        <source>Número de ticket:</source>
        <translation>Ticket number:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="263" />
        <source>No se pudo añadir</source>
        <translation>Could not add</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/feed/panel.py" line="271" />
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
        <location filename="../../jun_desk/ui/main_window.py" line="85" />
        <source>Menciones y mensajes</source>
        <translation>Mentions and messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="87" />
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="90" />
        <source>Mensajes directos</source>
        <translation>Direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="94" />
        <source>Panel de supervisión</source>
        <translation>Supervisor dashboard</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="99" />
        <source>No se pudo leer</source>
        <translation>Could not be read</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="109" />
        <source>Sin sincronizar</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="117" />
        <source>Base de datos: %s</source>
        <translation>Database: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="122" />
        <source>Elementos que X envió y no se pudieron leer</source>
        <translation>Items X sent that could not be read</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="132" />
        <source>&amp;Ver</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="137" />
        <source>No se pudo &amp;leer…</source>
        <translation>Could not be &amp;read…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="140" />
        <source>Sincronizar ahora</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="144" />
        <source>&amp;Configuración</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="145" />
        <source>Credenciales de &amp;X…</source>
        <translation>&amp;X credentials…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="150" />
        <source>&amp;Base de datos…</source>
        <translation>&amp;Database…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="153" />
        <source>A&amp;yuda</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="154" />
        <source>Acerca de Jun Desk</source>
        <translation>About Jun Desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="169" />
        <source>Sincronizando con X…</source>
        <translation>Syncing with X…</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="209" />
        <source>No se pudo leer: %d</source>
        <translation>Could not be read: %d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="217" />
        <source>las menciones</source>
        <translation>the mentions</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="217" />
        <source>los mensajes directos</source>
        <translation>the direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="218" />
        <source>No se pueden leer %s desde hace %d min: %s. Jun Desk sigue reintentando; lo demás llega con normalidad.</source>
        <translation>Cannot read %s for %d min: %s. Jun Desk keeps retrying; everything else arrives as usual.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="235" />
        <source>Crea antes un ticket con este mensaje (Ctrl+T) para responder</source>
        <translation>Create a ticket from this message first (Ctrl+T) to reply</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="267" />
        <source>Salida: %d pendientes</source>
        <translation>Outbox: %d pending</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="269" />
        <source>, %d fallidos</source>
        <translation>, %d failed</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="276" />
        <source>En espera: sondea %s</source>
        <translation>Standing by: %s polls</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="281" />
        <source>Última sincronización %s: %d nuevos</source>
        <translation>Last sync %s: %d new</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="284" />
        <source>, %d enviados</source>
        <translation>, %d sent</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="287" />
        <source>; %s: %s</source>
        <translation>; %s: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="288" />
        <source>menciones</source>
        <translation>mentions</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="288" />
        <source>mensajes</source>
        <translation>messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="299" />
        <source>Cupo X: %d/%d</source>
        <translation>X budget: %d/%d</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="356" />
        <source>Conexión con la base de datos recuperada</source>
        <translation>Connection to the database restored</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="360" />
        <source>Sin conexión con la base de datos: %s. Reintentando automáticamente; lo que escriba se conserva, pero no se guardará hasta que vuelva la conexión.</source>
        <translation>No connection to the database: %s. Retrying automatically; what you type is kept, but it will not be saved until the connection is back.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="366" />
        <source>Sondeo de X: este puesto</source>
        <translation>Polling X: this desk</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="368" />
        <source>Sondeo de X: %s</source>
        <translation>Polling X: %s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="370" />
        <source>Sondeo de X: nadie</source>
        <translation>Polling X: nobody</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="387" />
        <source>Policía Local: %d aviso(s) nuevo(s)</source>
        <translation>Local Police: %d new report(s)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="391" />
        <source>Campaña #%s</source>
        <translation>Campaign #%s</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="392" />
        <source>%d menciones en la última hora (pico %d/h)</source>
        <translation>%d mentions in the last hour (peak %d/h)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/main_window.py" line="396" />
        <source>Sincronización: %s</source>
        <translation>Sync: %s</translation>
    </message>
</context>
<context>
    <name>QuarantinePanel</name>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="39" />
        <source>faltan el autor (author_id) y el texto</source>
        <translation>author_id and text missing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="41" />
        <source>falta el autor (author_id)</source>
        <translation>author_id missing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="43" />
        <source>falta el texto</source>
        <translation>text missing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="44" />
        <source>falta el remitente (sender_id)</source>
        <translation>sender_id missing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="46" />
        <source>falta la conversación (dm_conversation_id)</source>
        <translation>dm_conversation_id missing</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="48" />
        <source>el autor no es un id de usuario</source>
        <translation>author_id is not a user id</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="50" />
        <source>sin id válido</source>
        <translation>no valid id</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="51" />
        <source>no es un objeto JSON</source>
        <translation>not a JSON object</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="53" />
        <source>pedido de nuevo por id: igual</source>
        <translation>read again by id: same</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="55" />
        <source>pedido de nuevo por id:</source>
        <translation>read again by id:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="57" />
        <source>volver a pedirlo a X falló:</source>
        <translation>reading it again from X failed:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="59" />
        <source>X no lo ha vuelto a servir</source>
        <translation>X did not serve it again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="61" />
        <source>reintentado:</source>
        <translation>retried:</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="80" />
        <source>Canal</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="80" />
        <source>Id de X</source>
        <translation>X id</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="80" />
        <source>Motivo</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="80" />
        <source>Visto por 1.ª vez</source>
        <translation>First seen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="81" />
        <source>Última vez</source>
        <translation>Last seen</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="81" />
        <source>Intentos</source>
        <translation>Attempts</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="91" />
        <source>El JSON tal como lo envió X</source>
        <translation>The JSON as X sent it</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="92" />
        <source>Reintentar</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="93" />
        <source>La próxima sincronización vuelve a pedirlo a X</source>
        <translation>The next sync asks X for it again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="94" />
        <source>Descartar</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="95" />
        <source>Quitarlo de la lista (queda en el historial)</source>
        <translation>Take it off the list (it stays in the history)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="96" />
        <source>Actualizar</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="118" />
        <source>No se pudo leer la lista</source>
        <translation>Could not read the list</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="124" />
        <source>Menciones</source>
        <translation>Mentions</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="124" />
        <source>Mensajes directos</source>
        <translation>Direct messages</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="126" />
        <source> (se reintentará)</source>
        <translation> (will be retried)</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="139" />
        <source>%d elementos que X envió incompletos o ilegibles. Nada se descarta sin que un operador lo decida.</source>
        <translation>%d items X sent incomplete or unreadable. Nothing is dropped unless an operator decides so.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="141" />
        <source>Todo lo que X envió se ha podido leer.</source>
        <translation>Everything X sent could be read.</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="159" />
        <source>No se pudo pedir el reintento</source>
        <translation>Could not ask for the retry</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="167" />
        <source>No se pudo descartar</source>
        <translation>Could not dismiss</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="170" />
        <source>%d elementos se volverán a pedir a X</source>
        <translation>%d items will be asked from X again</translation>
    </message>
    <message>
        <location filename="../../jun_desk/ui/quarantine_panel.py" line="175" />
        <source>%d elementos descartados</source>
        <translation>%d items dismissed</translation>
    </message>
</context>
</TS>